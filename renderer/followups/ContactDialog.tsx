// c — log a contact with the respondent: channel, direction, outcome, a note, when (now unless
// changed) and who (the signed-in person). Only through the contactability gate: when it says
// no, the dialog says why and offers nothing to submit. The first contact stops the SLA clock.
import { useState, type ReactNode } from 'react';
import { Input, Label, RadioGroup, TextArea, TextField } from 'react-aria-components';
import {
  CONTACT_CHANNELS,
  CONTACT_DIRECTIONS,
  CONTACT_OUTCOMES,
  type ContactChannel,
  type ContactDirection,
  type ContactOutcome,
} from '../../common/domain/channels.js';
import { notContactableMessage } from '../../common/domain/contactability.js';
import {
  CONTACT_CHANNEL_LABELS,
  CONTACT_DIRECTION_LABELS,
  CONTACT_OUTCOME_LABELS,
} from '../../common/followups/labels.js';
import { RadioChoice } from './RadioChoice.js';
import { DialogFrame, type OneFollowupDialogProps } from './DialogFrame.js';
import { TargetSummary } from './describe-target.js';
import { fromLocalInput, toLocalInput } from './local-time.js';
import { newRecordId } from './submit-actions.js';
import { useSubmit } from './use-submit.js';

/** A contact "in the future" is a typo; a few minutes of clock difference are not. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function Choice<T extends string>({
  label,
  value,
  options,
  labels,
  onChange,
  autoFocus = false,
}: {
  readonly label: string;
  readonly value: T;
  readonly options: readonly T[];
  readonly labels: Readonly<Record<T, string>>;
  readonly onChange: (value: T) => void;
  readonly autoFocus?: boolean;
}): ReactNode {
  return (
    <RadioGroup
      className="followup-radios followup-radios-inline"
      orientation="horizontal"
      value={value}
      onChange={(v) => {
        onChange(v as T);
      }}
    >
      <Label>{label}</Label>
      <div className="followup-radio-row">
        {options.map((option) => (
          <RadioChoice key={option} value={option} autoFocus={autoFocus && option === value}>
            {labels[option]}
          </RadioChoice>
        ))}
      </div>
    </RadioGroup>
  );
}

export function ContactDialog({ target, context, onClose }: OneFollowupDialogProps) {
  const [contactId] = useState(() => newRecordId('contact'));
  const [channel, setChannel] = useState<ContactChannel>('email');
  const [direction, setDirection] = useState<ContactDirection>('outbound');
  const [outcome, setOutcome] = useState<ContactOutcome>('reached');
  const [note, setNote] = useState('');
  const [when, setWhen] = useState(() => toLocalInput(Date.now()));
  const { busy, error, setError, run } = useSubmit(onClose);
  const blocked = target.notContactable;

  const submit = (): void => {
    const at = fromLocalInput(when);
    if (at === null) {
      setError('Enter the date and time of the contact.');
      return;
    }
    if (at > Date.now() + FUTURE_TOLERANCE_MS) {
      setError('A contact cannot be logged in the future.');
      return;
    }
    run(
      [
        {
          name: 'log_contact',
          args: {
            response_id: target.responseId,
            contact_id: contactId,
            channel,
            direction,
            outcome,
            note: note.trim(),
            contacted_at: new Date(at).toISOString(),
          },
        },
      ],
      `Contact logged: ${CONTACT_CHANNEL_LABELS[channel].toLowerCase()}, ${CONTACT_OUTCOME_LABELS[outcome].toLowerCase()}`,
    );
  };

  return (
    <DialogFrame
      title="Log contact"
      about={<TargetSummary targets={[target]} />}
      submitLabel={blocked === null ? 'Log contact' : null}
      closeHasFocus={blocked !== null}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      {blocked !== null ? (
        <div role="note" className="banner banner-warning followup-banner">
          <strong>Not contactable.</strong> {notContactableMessage(blocked)}
        </div>
      ) : (
        <>
          <Choice
            label="Channel"
            value={channel}
            options={CONTACT_CHANNELS}
            labels={CONTACT_CHANNEL_LABELS}
            onChange={setChannel}
            autoFocus
          />
          <Choice
            label="Direction"
            value={direction}
            options={CONTACT_DIRECTIONS}
            labels={CONTACT_DIRECTION_LABELS}
            onChange={setDirection}
          />
          <Choice
            label="Outcome"
            value={outcome}
            options={CONTACT_OUTCOMES}
            labels={CONTACT_OUTCOME_LABELS}
            onChange={setOutcome}
          />
          <TextField className="field" value={note} onChange={setNote} maxLength={4000}>
            <Label>Note</Label>
            <TextArea rows={3} placeholder="What was said, what happens next" />
          </TextField>
          <div className="followup-row">
            <TextField className="field" value={when} onChange={setWhen} type="datetime-local">
              <Label>When</Label>
              <Input />
            </TextField>
            <div className="field">
              <span className="field-label">Who</span>
              <span className="followup-who">{context.me?.name ?? 'You'}</span>
            </div>
          </div>
        </>
      )}
    </DialogFrame>
  );
}
