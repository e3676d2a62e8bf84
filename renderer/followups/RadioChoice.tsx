// One option of a radio group in the follow-up dialogs: React Aria's field + button pair with
// the indicator drawn in CSS (the queue's .radio look), plus what the dialogs need besides —
// disabled options that say why, and the focus when the dialog opens.
import type { ReactNode } from 'react';
import { RadioButton, RadioField } from 'react-aria-components';

export function RadioChoice({
  value,
  isDisabled = false,
  autoFocus = false,
  className = '',
  children,
}: {
  readonly value: string;
  readonly isDisabled?: boolean;
  readonly autoFocus?: boolean;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  return (
    <RadioField value={value} isDisabled={isDisabled} autoFocus={autoFocus} className="check-field">
      <RadioButton className={`radio ${className}`.trim()}>
        <span className="radio-mark" aria-hidden="true" />
        {children}
      </RadioButton>
    </RadioField>
  );
}
