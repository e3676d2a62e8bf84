// The outbox row of a user action. The caller writes the action's optimistic effect and
// this row in one runWithFullSync() transaction, so both survive a crash or neither does.
import type { Mutation } from '../../../../common/api/mutations.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

export type OutboxEntry = Pick<Mutation, 'name' | 'args'>;

/** Returns the mutation id: the row's id, strictly increasing and never reused. */
export function appendOutbox(db: Db, entry: OutboxEntry, createdAtMs: number): number {
  const { lastInsertRowid } = prepareCached(
    db,
    'INSERT INTO outbox (name, args, response_id, created_at) VALUES (?, ?, ?, ?)',
  ).run(entry.name, JSON.stringify(entry.args), entry.args.response_id, createdAtMs);
  return Number(lastInsertRowid);
}
