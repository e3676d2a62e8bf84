// Global shortcuts: a keydown listener on the document that runs the handlers a view has
// registered for the keymap's commands. Typing in a field is left alone (only Escape gets
// through, to leave it), and so is everything under an open modal dialog.
import { useEffect, useRef } from 'react';
import { bindingFor, matchKey, SEQUENCE_TIMEOUT_MS, type CommandId } from './keymap.js';

export type CommandHandlers = Partial<Record<CommandId, () => void>>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select, [role="combobox"]');
}

/** A control that handles these keys itself (Enter presses a button, arrows move in tabs). */
function onControl(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest(
      'button, a[href], [role="button"], [role="link"], [role="tab"], [role="checkbox"], [role="switch"]',
    ) !== null
  );
}

function insideModal(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[aria-modal="true"], [role="menu"], [role="listbox"]') !== null;
}

/** Runs `handlers[command]` for shortcuts; the latest handlers are used without re-subscribing. */
export function useKeyCommands(handlers: CommandHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    let previous: string | null = null;
    let previousAt = 0;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (insideModal(event.target)) return;
      if (isTyping(event.target) && event.key !== 'Escape') return;
      const prior = previous !== null && event.timeStamp - previousAt < SEQUENCE_TIMEOUT_MS ? previous : null;
      const match = matchKey(event.key, prior);
      previous = null;
      if (match === 'prefix') {
        previous = event.key;
        previousAt = event.timeStamp;
        return;
      }
      const handler = match === null ? undefined : latest.current[match];
      if (match === null || handler === undefined) return;
      if (bindingFor(match).scope === 'list' && onControl(event.target)) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
