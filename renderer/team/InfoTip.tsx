// A definition on demand: a small focusable "i" that shows one line in a tooltip, on hover
// and on keyboard focus. The definition is also the button's description, so a screen
// reader announces it without opening anything.
import { useId } from 'react';
import { Button, Tooltip, TooltipTrigger } from 'react-aria-components';

export function InfoTip({ label, definition }: { readonly label: string; readonly definition: string }) {
  const id = useId();
  return (
    <TooltipTrigger delay={300}>
      <Button className="info-tip" aria-label={`What is ${label}?`} aria-describedby={id}>
        <span aria-hidden="true">i</span>
      </Button>
      <Tooltip className="tooltip" placement="top">
        {definition}
      </Tooltip>
      <span id={id} hidden>
        {definition}
      </span>
    </TooltipTrigger>
  );
}
