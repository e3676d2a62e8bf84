// The queue's small form controls, on React Aria's field + button pairs, with the visible
// indicator drawn in CSS (the real input stays hidden but focusable and labelled).
import type { ReactNode } from 'react';
import {
  CheckboxButton,
  CheckboxField,
  RadioButton,
  RadioField,
  SwitchButton,
  SwitchField,
} from 'react-aria-components';

export function CheckOption({
  children,
  ...field
}: {
  readonly value?: string;
  readonly isSelected?: boolean;
  readonly isDisabled?: boolean;
  readonly onChange?: (selected: boolean) => void;
  readonly children: ReactNode;
}) {
  return (
    <CheckboxField {...field} className="check-field">
      <CheckboxButton className="facet-option">
        <span className="checkmark" aria-hidden="true" />
        {children}
      </CheckboxButton>
    </CheckboxField>
  );
}

export function RadioOption({ value, children }: { readonly value: string; readonly children: ReactNode }) {
  return (
    <RadioField value={value} className="check-field">
      <RadioButton className="radio">
        <span className="radio-mark" aria-hidden="true" />
        {children}
      </RadioButton>
    </RadioField>
  );
}

export function Toggle({
  isSelected,
  onChange,
  children,
}: {
  readonly isSelected: boolean;
  readonly onChange: (selected: boolean) => void;
  readonly children: ReactNode;
}) {
  return (
    <SwitchField isSelected={isSelected} onChange={onChange} className="check-field">
      <SwitchButton className="filter-switch">
        <span className="switch-track" aria-hidden="true" />
        {children}
      </SwitchButton>
    </SwitchField>
  );
}
