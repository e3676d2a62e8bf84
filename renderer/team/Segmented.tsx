// A small segmented control (React Aria ToggleButtonGroup, single choice): metric, week or
// month, chart or table.
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';

export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  readonly label: string;
  readonly value: T;
  readonly options: readonly (readonly [T, string])[];
  readonly onChange: (value: T) => void;
}) {
  return (
    <ToggleButtonGroup
      aria-label={label}
      className="segmented"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[value]}
      onSelectionChange={(keys: Set<Key>) => {
        const [first] = [...keys];
        if (first !== undefined) onChange(first as T);
      }}
    >
      {options.map(([key, text]) => (
        <ToggleButton key={key} id={key} className="segment">
          {text}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
