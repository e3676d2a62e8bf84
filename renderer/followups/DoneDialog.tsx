// d — mark the follow-up done: what was done (required), at least one root cause from the
// managed list (new ones created on the fly), and how the respondent is told: a message in
// their language (the server records it as sent and the follow-up becomes informed), "I told
// them directly", or later. On a follow-up already done, d records how they were told.
import { useState } from 'react';
import { Label, Text, TextArea, TextField } from 'react-aria-components';
import type { MutationRequest } from '../../common/ipc/channels/sync.js';
import type { FollowupsContext, FollowupTarget } from '../../common/ipc/channels/followups.js';
import { canTransition, STATUS_LABELS } from '../../common/domain/followup-status.js';
import { renderTemplate, templateLanguageFor } from '../../common/followups/message-templates.js';
import { call } from '../ipc/client.js';
import { DialogFrame, type OneFollowupDialogProps } from './DialogFrame.js';
import { TargetSummary } from './describe-target.js';
import { InformFields, type InformState } from './InformFields.js';
import { TagPicker } from './TagPicker.js';
import { useSubmit } from './use-submit.js';

function initialInform(target: FollowupTarget, context: FollowupsContext, allowLater: boolean): InformState {
  const language = templateLanguageFor(target.language);
  return {
    how: target.notContactable === null ? 'message' : allowLater ? 'later' : 'direct',
    language,
    template: 'fixed',
    message: renderTemplate('fixed', language, {
      respondentName: target.respondentName,
      agentName: context.me?.name ?? '',
    }),
  };
}

/** The mark_informed that records how they were told, or null for "later". */
function informAction(responseId: string, inform: InformState): MutationRequest | null {
  switch (inform.how) {
    case 'message':
      return {
        name: 'mark_informed',
        args: { response_id: responseId, how: 'message', message: inform.message.trim(), language: inform.language },
      };
    case 'direct':
      return { name: 'mark_informed', args: { response_id: responseId, how: 'direct', message: null, language: null } };
    case 'later':
      return null;
  }
}

export function DoneDialog({ target, context, onClose }: OneFollowupDialogProps) {
  const alreadyDone = target.status === 'done';
  const [summary, setSummary] = useState('');
  const [causes, setCauses] = useState<string[]>([]);
  const [inform, setInform] = useState<InformState>(() => initialInform(target, context, !alreadyDone));
  const [causesMissing, setCausesMissing] = useState(false);
  const { busy, error, setError, run } = useSubmit(onClose);
  const blockedBy = alreadyDone || canTransition(target.status, 'done') ? null : target.status;

  const submit = (): void => {
    const informing = informAction(target.responseId, inform);
    if (inform.how === 'message' && inform.message.trim() === '') {
      setError('Write the message to the respondent, or choose another way to tell them.');
      return;
    }
    if (alreadyDone) {
      if (informing !== null) run([informing], 'Respondent informed');
      return;
    }
    if (summary.trim() === '') {
      setError('Say what was done.');
      return;
    }
    if (causes.length === 0) {
      setCausesMissing(true);
      setError('Pick at least one root cause.');
      return;
    }
    const created = causes.filter((c) => !context.rootCauses.includes(c));
    if (created.length > 0)
      void call('followups:edit-root-causes', { add: created, remove: [] }).catch(() => undefined);
    const done: MutationRequest = {
      name: 'mark_done',
      args: {
        response_id: target.responseId,
        action_summary: summary.trim(),
        root_causes: causes,
        // A message travels with mark_done, so done and informed land in one step.
        inform: inform.how === 'message' ? { message: inform.message.trim(), language: inform.language } : null,
      },
    };
    run(
      inform.how === 'direct' && informing !== null ? [done, informing] : [done],
      inform.how === 'later' ? 'Marked done' : 'Marked done, respondent informed',
    );
  };

  return (
    <DialogFrame
      title={alreadyDone ? 'Inform the respondent' : 'Mark done'}
      about={<TargetSummary targets={[target]} />}
      submitLabel={blockedBy !== null ? null : alreadyDone ? 'Record' : 'Mark done'}
      closeHasFocus={blockedBy !== null}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      {blockedBy !== null ? (
        <p>
          {blockedBy === 'new'
            ? 'Assign the follow-up first (a): then it can be marked done.'
            : `This follow-up is ${STATUS_LABELS[blockedBy].toLowerCase()}: it cannot be marked done now.`}
        </p>
      ) : (
        <>
          {!alreadyDone && (
            <>
              <TextField className="field" value={summary} onChange={setSummary} isRequired autoFocus maxLength={4000}>
                <Label>What was done</Label>
                <TextArea rows={3} placeholder="The action taken, in a sentence or two" />
                <Text slot="description" className="hint">
                  For the team and the audit trail; the respondent sees only the message.
                </Text>
              </TextField>
              <TagPicker
                label="Root causes"
                findLabel="Find or create a root cause"
                options={context.rootCauses}
                selected={causes}
                onChange={(next) => {
                  setCauses(next);
                  setCausesMissing(false);
                }}
                isInvalid={causesMissing}
                description="At least one."
              />
            </>
          )}
          <InformFields
            value={inform}
            onChange={setInform}
            notContactable={target.notContactable}
            respondentName={target.respondentName}
            respondentLanguage={target.language}
            agentName={context.me?.name ?? ''}
            allowLater={!alreadyDone}
            autoFocus={alreadyDone}
          />
        </>
      )}
    </DialogFrame>
  );
}
