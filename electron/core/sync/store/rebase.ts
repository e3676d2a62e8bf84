// Pulled rows never overwrite pending edits: a follow-up with unconfirmed local mutations is
// rebuilt as the server's last state (its base) with those mutations re-applied on top, in
// order, by the shared reducer. The same rebuild rolls back a rejected mutation: it is simply
// no longer in the outbox when the follow-up is rebuilt.
import { toInstant } from '../../db/codec.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';
import { projectFollowupEvent } from '../../db/writers/project-followup-event.js';
import type { FollowupEventData } from '../../../../common/api/records.js';
import { deleteBase, readBase } from './followup-base.js';
import { readActor, readResponseFacts } from './local-context.js';
import { applyLocally, LOCAL_EVENT_PREFIX, writeFollowupState, writeLocalEvents } from './local-effects.js';
import { outboxRowsFor, toMutation } from './outbox-rows.js';

interface EventRow {
  readonly id: string;
  readonly followup_id: string;
  readonly actor_id: string;
  readonly at: number;
  readonly data: string;
}

/**
 * Notes and contact logs are projections of events; local edits may have changed them, so
 * they are projected again from the server's events alone (a follow-up has few).
 */
function projectServerEventsOnly(db: Db, followupId: string): void {
  prepareCached(db, 'DELETE FROM followup_events WHERE followup_id = ? AND id GLOB ?').run(
    followupId,
    `${LOCAL_EVENT_PREFIX}*`,
  );
  prepareCached(db, 'DELETE FROM contact_log WHERE followup_id = ?').run(followupId);
  prepareCached(db, 'DELETE FROM notes WHERE followup_id = ?').run(followupId);
  // rowid order is arrival order, which is the server's order for events of the same instant.
  const rows = prepareCached(
    db,
    'SELECT id, followup_id, actor_id, at, data FROM followup_events WHERE followup_id = ? ORDER BY at, rowid',
  ).all(followupId) as EventRow[];
  for (const row of rows) {
    projectFollowupEvent(
      db,
      { ...row, at: toInstant(row.at), data: JSON.parse(row.data) as FollowupEventData },
      row.at,
    );
  }
}

/** Rebuilds the follow-up from its base and the outbox; a no-op without a base. */
export function rebuildFollowup(db: Db, followupId: string): void {
  const base = readBase(db, followupId);
  if (base === null) return;
  projectServerEventsOnly(db, followupId);
  let state = base.server;
  const facts = readResponseFacts(db, base.response_id);
  const actor = readActor(db);
  if (facts !== null && actor !== null) {
    for (const row of outboxRowsFor(db, base.response_id)) {
      const at = toInstant(row.created_at);
      // A mutation the reducer now refuses stays in the outbox without a local effect: the
      // server decides, and its answer removes it.
      const step = applyLocally(db, state, toMutation(row), facts, actor, at);
      if (!step.ok || step.events.length === 0) continue;
      writeLocalEvents(db, row.id, followupId, actor.id, at, step.events);
      state = step.followup;
    }
  }
  writeFollowupState(db, followupId, state);
}

/** Forgets the base once nothing in the outbox refers to the follow-up any more. */
export function settleBase(db: Db, followupId: string, responseId: string): void {
  if (outboxRowsFor(db, responseId).length === 0) deleteBase(db, followupId);
}
