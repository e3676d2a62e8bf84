// s — move the follow-up along the status machine (common/domain/followup-status.ts): only
// the transitions the rules allow from where it is are offered. Closing without action needs
// a reason; done and informed have their own dialog (d), since they need more.
import { useState } from 'react';
import { Label, RadioGroup, TextArea, TextField, Text } from 'react-aria-components';
import { allowedTransitions, STATUS_LABELS, type FollowupStatus } from '../../common/domain/followup-status.js';
import { RadioChoice } from './RadioChoice.js';
import { DialogFrame, type OneFollowupDialogProps } from './DialogFrame.js';
import { TargetSummary } from './describe-target.js';
import { useSubmit } from './use-submit.js';

/** What each status means to the person choosing it. */
const STATUS_HINTS: Readonly<Partial<Record<FollowupStatus, string>>> = {
  new: 'Back to the unassigned pile.',
  assigned: 'Someone owns it; no contact yet.',
  in_progress: 'Being worked on.',
  waiting: 'Waiting for the respondent or another team.',
  closed_no_action: 'Nothing will be done; say why.',
};

/** Done and informed need an action summary or a message: the d dialog records them. */
function offered(from: FollowupStatus): FollowupStatus[] {
  return allowedTransitions(from).filter((s) => s !== 'done' && s !== 'informed');
}

export function StatusDialog({ target, onClose }: OneFollowupDialogProps) {
  const options = offered(target.status);
  const needsOwner = (status: FollowupStatus): boolean => status === 'assigned' && target.assigneeId === null;
  const enabled = options.filter((s) => !needsOwner(s));
  const [choice, setChoice] = useState<FollowupStatus | null>(
    enabled.includes('in_progress') ? 'in_progress' : (enabled[0] ?? null),
  );
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useSubmit(onClose);
  const needsReason = choice === 'closed_no_action';
  const marksDone = allowedTransitions(target.status).includes('done');

  const submit = (): void => {
    if (choice === null) return;
    if (needsReason && reason.trim() === '') {
      setError('Closing without action needs a reason.');
      return;
    }
    run(
      [{ name: 'set_status', args: { response_id: target.responseId, status: choice, reason: reason.trim() || null } }],
      `Status: ${STATUS_LABELS[choice]}`,
    );
  };

  return (
    <DialogFrame
      title="Change status"
      about={
        <>
          <TargetSummary targets={[target]} />
          <span>
            Now: <span className={`status status-${target.status}`}>{STATUS_LABELS[target.status]}</span>
          </span>
        </>
      }
      submitLabel={options.length === 0 ? null : 'Change status'}
      closeHasFocus={options.length === 0}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      {options.length === 0 ? (
        <p>
          {target.status === 'done'
            ? 'This follow-up is done: press d to record how the respondent was told.'
            : 'An informed follow-up is finished: its status no longer changes.'}
        </p>
      ) : (
        <>
          <RadioGroup
            className="followup-radios"
            value={choice}
            onChange={(value) => {
              setChoice(value as FollowupStatus);
              setError(null);
            }}
          >
            <Label>New status</Label>
            {options.map((status) => (
              <RadioChoice
                key={status}
                value={status}
                className="followup-radio"
                isDisabled={needsOwner(status)}
                autoFocus={status === choice}
              >
                <span>
                  <span className="followup-radio-label">{STATUS_LABELS[status]}</span>
                  <span className="muted">
                    {needsOwner(status) ? 'Assign someone first (a).' : (STATUS_HINTS[status] ?? '')}
                  </span>
                </span>
              </RadioChoice>
            ))}
          </RadioGroup>
          {marksDone && <p className="hint">To mark it done, press d instead: it asks what was done.</p>}
          <TextField className="field" value={reason} onChange={setReason} isRequired={needsReason}>
            <Label>{needsReason ? 'Reason' : 'Reason (optional)'}</Label>
            <TextArea rows={3} />
            <Text slot="description" className="hint">
              Kept in the audit trail.
            </Text>
          </TextField>
        </>
      )}
    </DialogFrame>
  );
}
