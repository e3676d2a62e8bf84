// A signed-in cache for the follow-up core's readers and rules: me, a colleague, a manager,
// respondents (one reachable, one who objected) and their responses, written through the db
// writers exactly as sync writes a pulled page.
import type { Change } from '../../../common/api/changes.js';
import { FollowupEvent, followupIdFor, type Followup, type FollowupEventData } from '../../../common/api/records.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { recordIdentity } from '../../../electron/core/sync/store/identity.js';
import { at, followup, respondent, response, staff } from '../db/support/records.js';
import { openTestDatabase } from '../db/support/test-database.js';

export const ME = staff('st-me', { name: 'Jonas Berg' });
export const ANNA = staff('st-anna', { name: 'Anna Lund' });
export const MAJA = staff('st-maja', { name: 'Maja Lindqvist', role: 'manager' });

/** Minutes after the fixture's epoch (records.ts at()), as epoch ms. */
export function ms(minutes: number): number {
  return Date.parse(at(minutes));
}

export function openFollowupCache(): Db {
  const { db } = openTestDatabase();
  recordIdentity(db, { me: ME, staff: [ME, ANNA, MAJA] });
  applyChanges(db, [
    { kind: 'respondent', data: respondent('u-ok', { name: 'Ingrid Olsen' }) },
    { kind: 'respondent', data: respondent('u-objected', { name: 'Per Holm', objected: true }) },
    ...['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((id): Change => ({
      kind: 'response',
      data: response(id, 'u-ok', { score: 2, language: 'sv' }),
    })),
    { kind: 'response', data: response('r-objected', 'u-objected', { score: 1 }) },
  ]);
  return db;
}

let events = 0;

/** A follow-up state and the events that led to it, by `actor`, `minutes` after the epoch. */
export function pull(
  db: Db,
  state: Partial<Followup> & { readonly response_id: string },
  actor: string,
  minutes: number,
  ...data: FollowupEventData[]
): void {
  const f = followup(state.response_id, 'u-ok', { assignee_id: null, status: 'new', ...state });
  applyChanges(db, [
    { kind: 'followup', data: f },
    ...data.map((d): Change => ({
      kind: 'followup_event',
      data: FollowupEvent.parse({
        id: `${followupIdFor(state.response_id)}.e${(events += 1)}`,
        followup_id: followupIdFor(state.response_id),
        actor_id: actor,
        at: at(minutes),
        data: d,
      }),
    })),
  ]);
}
