// The follow-up part of the detail pane: its state (status, owner, priority, due time and the
// SLA, causes, what was done), the six actions with their keys, the internal notes (editable
// by their author or a manager, "edited" when they were), the contact log, and the audit
// trail — every change with who and when, read-only; changes not yet confirmed by the server
// say so.
import { useEffect, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import type { FollowupEvent, Staff } from '../../common/api/records.js';
import { canTransition, isOpen, STATUS_LABELS } from '../../common/domain/followup-status.js';
import { describeEvent } from '../../common/followups/describe-event.js';
import {
  CONTACT_CHANNEL_LABELS,
  CONTACT_DIRECTION_LABELS,
  CONTACT_OUTCOME_LABELS,
  PRIORITY_LABELS,
  SYSTEM_ACTOR_ID,
  SYSTEM_ACTOR_NAME,
} from '../../common/followups/labels.js';
import type { FollowupRecord, FollowupsContext } from '../../common/ipc/channels/followups.js';
import type { QueueDetail } from '../../common/queue/row.js';
import { call } from '../ipc/client.js';
import { bindingFor } from '../keyboard/keymap.js';
import { dueDistance, longDate, shortDate } from '../queue/format.js';
import { useNow } from '../sync/use-now.js';
import { openFollowupDialog, type FollowupCommand } from './dialog-store.js';

/** Events written on this install and not yet confirmed by the server (sync's local ids). */
const LOCAL_EVENT_PREFIX = 'local:';

interface Extras {
  readonly record: FollowupRecord;
  readonly context: FollowupsContext;
}

function useExtras(responseId: string, refresh: number): Extras | null {
  const [extras, setExtras] = useState<Extras | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([call('followups:record', { responseId }), call('followups:context', {})]).then(
      ([record, context]) => {
        if (live) setExtras({ record, context });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [responseId, refresh]);
  return extras;
}

function When({ ms }: { readonly ms: number }) {
  return (
    <time className="timeline-date" dateTime={new Date(ms).toISOString()} title={longDate(ms)}>
      {shortDate(ms)}
    </time>
  );
}

function Field({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function ActionButton({
  command,
  label,
  responseId,
  disabledReason = null,
}: {
  readonly command: FollowupCommand;
  readonly label: string;
  readonly responseId: string;
  readonly disabledReason?: string | null;
}) {
  const [key = ''] = bindingFor(command).keys;
  return (
    <Button
      className="button button-compact followup-action"
      aria-keyshortcuts={key}
      isDisabled={disabledReason !== null}
      aria-description={disabledReason ?? undefined}
      onPress={() => {
        openFollowupDialog({ command, responseIds: [responseId] });
      }}
    >
      {label} <kbd aria-hidden="true">{key}</kbd>
    </Button>
  );
}

/** Due times pass while the pane is open: "due in 2 h" is refreshed this often. */
const CLOCK_TICK_MS = 60_000;

function SlaLine({ detail }: { readonly detail: QueueDetail }) {
  const now = useNow(CLOCK_TICK_MS);
  const f = detail.followup;
  if (f?.due_at == null) return <span className="muted">No first-contact target</span>;
  const due = Date.parse(f.due_at);
  if (f.first_contact_at !== null) {
    const first = Date.parse(f.first_contact_at);
    return (
      <span>
        Contacted {longDate(first)} —{' '}
        {first <= due ? 'within the SLA' : <strong className="due-overdue">after the due time</strong>}
      </span>
    );
  }
  if (!isOpen(f.status)) return <span className="muted">Closed without a logged contact</span>;
  const overdue = due < now;
  return (
    <span className={overdue ? 'due-overdue' : undefined}>
      First contact due {longDate(due)} ({dueDistance(due, now)})
    </span>
  );
}

export function FollowupSection({ detail, refresh }: { readonly detail: QueueDetail; readonly refresh: number }) {
  const responseId = detail.response.id;
  const extras = useExtras(responseId, refresh);
  const { followup, history } = detail;
  const staff: readonly Staff[] = extras?.context.staff ?? detail.staff;
  const me = extras?.context.me ?? null;
  const nameOf = (id: string): string =>
    id === SYSTEM_ACTOR_ID ? SYSTEM_ACTOR_NAME : (staff.find((s) => s.id === id)?.name ?? id);
  const status = followup?.status ?? 'new';
  const doneReason =
    status === 'done' || canTransition(status, 'done')
      ? null
      : status === 'new'
        ? 'Assign it first.'
        : `It is ${STATUS_LABELS[status].toLowerCase()}.`;
  const contactReason = detail.notContactable === null ? null : 'The respondent may not be contacted.';
  const canEdit = (authorId: string): boolean => me !== null && (me.id === authorId || me.role === 'manager');

  return (
    <section className="detail-section followup-section" aria-labelledby="detail-followup">
      <h3 id="detail-followup">Follow-up</h3>
      <div role="toolbar" aria-label="Follow-up actions" className="followup-actions">
        <ActionButton command="assign" label="Assign" responseId={responseId} />
        <ActionButton command="status" label="Status" responseId={responseId} />
        <ActionButton command="contact" label="Log contact" responseId={responseId} disabledReason={contactReason} />
        <ActionButton
          command="done"
          label={status === 'done' ? 'Inform' : 'Mark done'}
          responseId={responseId}
          disabledReason={doneReason}
        />
        <ActionButton command="tag" label="Tags" responseId={responseId} />
        <ActionButton command="note" label="Note" responseId={responseId} />
      </div>
      {followup === null ? (
        <p className="muted">No follow-up yet: new and unassigned. Assign it or log a contact to start one.</p>
      ) : (
        <dl className="facts">
          <Field label="Status">
            <span className={`status status-${followup.status}`}>{STATUS_LABELS[followup.status]}</span>
          </Field>
          <Field label="Assignee">{followup.assignee_id === null ? 'Unassigned' : nameOf(followup.assignee_id)}</Field>
          <Field label="Priority">{PRIORITY_LABELS[followup.priority]}</Field>
          <Field label="SLA">
            <SlaLine detail={detail} />
          </Field>
          {followup.tags.length > 0 && <Field label="Tags">{followup.tags.join(', ')}</Field>}
          {followup.action_summary !== null && <Field label="Action taken">{followup.action_summary}</Field>}
          {followup.root_causes.length > 0 && <Field label="Root causes">{followup.root_causes.join(', ')}</Field>}
          {followup.closed_reason !== null && <Field label="Closed because">{followup.closed_reason}</Field>}
          {followup.informed_at !== null && (
            <Field label="Informed">{longDate(Date.parse(followup.informed_at))}</Field>
          )}
        </dl>
      )}

      {extras !== null && extras.record.notes.length > 0 && (
        <>
          <h4>Notes</h4>
          <ul className="followup-notes">
            {extras.record.notes.map((note) => (
              <li key={note.id} className="followup-note">
                <div className="followup-note-meta">
                  <strong>{nameOf(note.authorId)}</strong> <When ms={note.createdAt} />
                  {note.editedAt !== null && (
                    <span
                      className="badge badge-edited"
                      title={`Edited by ${nameOf(note.editedBy ?? note.authorId)}, ${longDate(note.editedAt)}`}
                    >
                      edited
                    </span>
                  )}
                  {canEdit(note.authorId) && (
                    <Button
                      className="button button-quiet button-compact"
                      aria-label={`Edit the note by ${nameOf(note.authorId)}`}
                      onPress={() => {
                        openFollowupDialog({ command: 'editNote', responseIds: [responseId], noteId: note.id });
                      }}
                    >
                      Edit
                    </Button>
                  )}
                </div>
                <p className="followup-note-text">{note.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}

      {extras !== null && extras.record.contacts.length > 0 && (
        <>
          <h4>Contact log</h4>
          <ul className="history">
            {extras.record.contacts.map((c) => (
              <li key={c.id}>
                <When ms={c.contactedAt} />
                <span>
                  <strong>{nameOf(c.actorId)}</strong> · {CONTACT_CHANNEL_LABELS[c.channel]} ·{' '}
                  {CONTACT_DIRECTION_LABELS[c.direction].toLowerCase()} · {CONTACT_OUTCOME_LABELS[c.outcome]}
                  {c.note !== '' && <span className="timeline-comment">{c.note}</span>}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}

      {history.length > 0 && (
        <>
          <h4 id="audit-trail">Audit trail</h4>
          <ol className="history" aria-labelledby="audit-trail">
            {history.map((event: FollowupEvent) => (
              <li key={event.id}>
                <When ms={Date.parse(event.at)} />
                <span>
                  <strong>{nameOf(event.actor_id)}</strong>{' '}
                  {describeEvent(event.data, {
                    actorId: event.actor_id,
                    nameOf,
                    formatInstant: (iso) => longDate(Date.parse(iso)),
                  })}
                  {event.id.startsWith(LOCAL_EVENT_PREFIX) && <span className="badge badge-pending">not sent yet</span>}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
