// The optimistic effect of one mutation on the cache: the shared reducer's new follow-up
// state, and its events stored (and projected into notes and the contact log) under local
// ids, so the audit trail shows the edit at once. Local events are replaced by the server's
// when the follow-up is rebuilt (rebase.ts).
import { applyMutation, newFollowup, type MutationActor } from '../../../../common/api/mutation-effects.js';
import type { Mutation, RejectionCode } from '../../../../common/api/mutations.js';
import type { Followup, FollowupEventData } from '../../../../common/api/records.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';
import { recordFollowupEvent } from '../../db/writers/record-followup-event.js';
import { upsertFollowup } from '../../db/writers/upsert-followup.js';
import { localMutationContext, type ResponseFacts } from './local-context.js';
import { teamSlaPolicy } from './team-policy.js';

/** Local event ids never collide with the server's (`<followup>.v<version>.<n>`). */
export const LOCAL_EVENT_PREFIX = 'local:';

export type LocalStep =
  | { readonly ok: true; readonly followup: Followup | null; readonly events: readonly FollowupEventData[] }
  | { readonly ok: false; readonly code: RejectionCode; readonly reason: string };

/**
 * The reducer on the local state; a missing follow-up is born as the server would create it,
 * with the team's SLA policy as last fetched (the server uses the one it holds when the
 * mutation arrives, and its follow-up replaces this copy on the next pull).
 */
export function applyLocally(
  db: Db,
  state: Followup | null,
  mutation: Mutation,
  facts: ResponseFacts,
  actor: MutationActor,
  now: string,
): LocalStep {
  const outcome = applyMutation(
    state ?? newFollowup(facts, now, teamSlaPolicy(db)),
    mutation,
    localMutationContext(db, actor, facts, now),
  );
  if (!outcome.ok) return outcome;
  if (outcome.events.length === 0) return { ok: true, followup: state, events: [] };
  const events: readonly FollowupEventData[] =
    state === null ? [{ kind: 'created' }, ...outcome.events] : outcome.events;
  return { ok: true, followup: outcome.followup, events };
}

export function writeLocalEvents(
  db: Db,
  mutationId: number,
  followupId: string,
  actorId: string,
  at: string,
  events: readonly FollowupEventData[],
): void {
  events.forEach((data, index) => {
    recordFollowupEvent(db, {
      id: `${LOCAL_EVENT_PREFIX}${mutationId}:${index}`,
      followup_id: followupId,
      actor_id: actorId,
      at,
      data,
    });
  });
}

/** null removes the follow-up (its response's triage columns reset through the triggers). */
export function writeFollowupState(db: Db, followupId: string, state: Followup | null): void {
  if (state === null) prepareCached(db, 'DELETE FROM followups WHERE id = ?').run(followupId);
  else upsertFollowup(db, state);
}
