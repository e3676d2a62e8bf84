// Persists follow-up changes: the follow-up row, one event per change with its side tables
// (notes, contact log, notifications), and their changes in the feed — all inside the
// caller's transaction. Mutations, ingestion and the demo generator all write through here.
import type { Followup, FollowupEvent, FollowupEventData } from '../../common/api/records.js';
import type { Store } from '../store/store.js';

/** One applied mutation (or the creation): the state after it and the events it produced. */
export interface FollowupStep {
  readonly followup: Followup;
  readonly events: readonly FollowupEventData[];
  readonly actorId: string;
  readonly at: string;
}

/** The actor of what the server does by itself (opening a follow-up on ingestion). */
export const SYSTEM_ACTOR = 'system';

/** Deterministic and unique: a follow-up's version is bumped once per step. */
export function eventId(followup: Followup, index: number): string {
  return `${followup.id}.v${followup.version}.${index}`;
}

/** Writes consecutive steps of one follow-up; only the last state is stored and fed. */
export function writeFollowupSteps(store: Store, steps: readonly FollowupStep[], writtenAtMs: number): void {
  const last = steps.at(-1);
  if (last === undefined) return;
  store.followups.put(last.followup);
  store.changes.append({ kind: 'followup', data: last.followup }, writtenAtMs);
  for (const step of steps) {
    step.events.forEach((data, index) => {
      const event: FollowupEvent = {
        id: eventId(step.followup, index),
        followup_id: step.followup.id,
        actor_id: step.actorId,
        at: step.at,
        data,
      };
      store.followups.insertEvent(event);
      writeSideEffects(store, step, event);
      store.changes.append({ kind: 'followup_event', data: event }, writtenAtMs, step.followup.end_user_id);
    });
  }
}

function writeSideEffects(store: Store, step: FollowupStep, event: FollowupEvent): void {
  const { followup } = step;
  const data = event.data;
  switch (data.kind) {
    case 'note_added':
      store.followups.insertNote(data.note_id, followup.id, step.actorId, data.text, step.at);
      return;
    case 'note_edited':
      store.followups.updateNote(data.note_id, data.text, step.at);
      return;
    case 'contact_logged':
      store.followups.insertContact(data.contact_id, followup.id, step.actorId, data.contact);
      return;
    case 'informed':
      if (data.how === 'message' && data.message !== null) {
        store.followups.insertNotification({
          id: `nt_${event.id}`,
          followup_id: followup.id,
          response_id: followup.response_id,
          end_user_id: followup.end_user_id,
          sent_by: step.actorId,
          to_email: store.respondents.respondent(followup.end_user_id)?.email ?? null,
          message: data.message,
          language: data.language,
          created_at: step.at,
        });
      }
      return;
    case 'created':
    case 'assigned':
    case 'unassigned':
    case 'due_set':
    case 'priority_set':
    case 'status_set':
    case 'tags_set':
    case 'done':
      return;
  }
}
