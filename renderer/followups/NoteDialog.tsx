// n — an internal note on the follow-up (never shown to the respondent); also edits one of
// the user's notes (a manager may edit anyone's), which then shows an "edited" marker.
// Enter starts a new line; Ctrl+Enter saves.
import { useState } from 'react';
import { Label, Text, TextArea, TextField } from 'react-aria-components';
import type { FollowupTarget } from '../../common/ipc/channels/followups.js';
import { DialogFrame } from './DialogFrame.js';
import { TargetSummary } from './describe-target.js';
import { newRecordId } from './submit-actions.js';
import { useSubmit } from './use-submit.js';

export function NoteDialog({
  target,
  editing,
  onClose,
}: {
  readonly target: FollowupTarget;
  /** The note being edited, or null for a new one. */
  readonly editing: { readonly id: string; readonly text: string } | null;
  readonly onClose: () => void;
}) {
  const [noteId] = useState(() => editing?.id ?? newRecordId('note'));
  const [text, setText] = useState(editing?.text ?? '');
  const { busy, error, setError, run } = useSubmit(onClose);
  return (
    <DialogFrame
      title={editing === null ? 'Add a note' : 'Edit the note'}
      about={<TargetSummary targets={[target]} />}
      submitLabel={editing === null ? 'Add note' : 'Save note'}
      busy={busy}
      error={error}
      onSubmit={() => {
        if (text.trim() === '') {
          setError('Write the note first.');
          return;
        }
        if (editing !== null && text.trim() === editing.text) {
          onClose();
          return;
        }
        run(
          [
            {
              name: editing === null ? 'add_note' : 'edit_note',
              args: { response_id: target.responseId, note_id: noteId, text: text.trim() },
            },
          ],
          editing === null ? 'Note added' : 'Note edited',
        );
      }}
      onClose={onClose}
    >
      <TextField className="field" value={text} onChange={setText} isRequired autoFocus maxLength={10_000}>
        <Label>Note</Label>
        <TextArea rows={6} />
        <Text slot="description" className="hint">
          Internal: only your team sees it. Enter starts a new line; Ctrl+Enter saves.
        </Text>
      </TextField>
    </DialogFrame>
  );
}
