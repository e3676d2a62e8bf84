// The frame every follow-up dialog shares inside the host's modal (FollowupDialogs): its
// title, which follow-ups it acts on, the form, the local rules' refusal when there is one,
// and Cancel / submit. Esc and a click outside cancel; Enter or Ctrl+Enter submits
// (submit-keys.ts).
import { useId, type ReactNode } from 'react';
import { Button, Dialog, Form, Heading } from 'react-aria-components';
import type { FollowupsContext, FollowupTarget } from '../../common/ipc/channels/followups.js';
import { submitOnEnter } from './submit-keys.js';

/** What a dialog about one follow-up gets from the host (FollowupDialogs). */
export interface OneFollowupDialogProps {
  readonly target: FollowupTarget;
  readonly context: FollowupsContext;
  readonly onClose: () => void;
}

export function DialogFrame({
  title,
  about,
  submitLabel,
  closeHasFocus = false,
  busy,
  error,
  onSubmit,
  onClose,
  children,
}: {
  readonly title: string;
  /** Which follow-up(s): "Ingrid Olsen · NPS 3 (Detractor)". */
  readonly about: ReactNode;
  /** null: nothing to submit (the dialog only explains why). */
  readonly submitLabel: string | null;
  /**
   * The dialog only explains why nothing can be done: Close takes the focus, so Enter or Esc
   * leaves and the focus ring shows where the user is. Left to React Aria, the focus lands on
   * the dialog itself or on Close depending on which of its two focus effects runs first.
   */
  readonly closeHasFocus?: boolean;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onSubmit: () => void;
  readonly onClose: () => void;
  readonly children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Dialog aria-labelledby={titleId}>
      <div onKeyDownCapture={submitOnEnter}>
        <Form
          className="followup-form"
          onSubmit={(event) => {
            event.preventDefault();
            // Ctrl+Enter submits from anywhere, also in a dialog that only explains a refusal.
            if (!busy && submitLabel !== null) onSubmit();
          }}
        >
          <header className="followup-dialog-header">
            <Heading slot="title" id={titleId}>
              {title}
            </Heading>
            <div className="followup-dialog-about">{about}</div>
          </header>
          {children}
          {error !== null && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <span className="dialog-keys">
              {submitLabel === null ? 'Esc closes' : 'Ctrl+Enter saves · Esc cancels'}
            </span>
            <Button className="button" onPress={onClose} autoFocus={closeHasFocus}>
              {submitLabel === null ? 'Close' : 'Cancel'}
            </Button>
            {submitLabel !== null && (
              <Button type="submit" className="button button-primary" isDisabled={busy}>
                {busy ? 'Saving…' : submitLabel}
              </Button>
            )}
          </div>
        </Form>
      </div>
    </Dialog>
  );
}
