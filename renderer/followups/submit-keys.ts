// Keyboard submission for the follow-up dialogs: Ctrl+Enter (⌘+Enter) submits from anywhere,
// including a text area where Enter starts a new line; plain Enter submits from radios and
// checkboxes too (browsers submit implicitly only from text inputs). Buttons, lists and text
// fields keep plain Enter: a field that gives it a meaning of its own (the tag picker) calls
// preventDefault, which also stops the browser's implicit submission.
import type { KeyboardEvent } from 'react';

const KEEPS_ENTER =
  'textarea, button, a[href], [role="button"], [role="option"], [role="menuitem"], [role="combobox"], [role="listbox"]';

/**
 * In the capture phase, on an element around the form: React Aria's Form takes no key
 * handlers, and its radios and checkboxes stop keydown from bubbling.
 */
export function submitOnEnter(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return;
  if (!(event.ctrlKey || event.metaKey)) {
    if (target.closest(KEEPS_ENTER) !== null) return;
    // Text inputs submit by themselves (implicit submission).
    if (target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox') return;
  }
  const form = target.closest('form');
  if (form === null || !event.currentTarget.contains(form)) return;
  event.preventDefault();
  form.requestSubmit();
}
