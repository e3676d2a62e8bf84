// A record the server created before it erased its respondent is covered by that erasure:
// if a replayed page brings it back, it is dropped rather than resurrected.
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

/**
 * Connections whose erasures table was found empty: most caches never receive an erasure,
 * and a bootstrap asks for every one of its millions of records. Forgotten whenever an
 * erasure is recorded (or its transaction rolls back, since that can only follow a record).
 */
const knownEmpty = new WeakSet<Db>();

export function isCoveredByErasure(db: Db, endUserId: string, createdAtMs: number): boolean {
  if (knownEmpty.has(db)) return false;
  if (prepareCached(db, 'SELECT 1 FROM erasures LIMIT 1').get() === undefined) {
    knownEmpty.add(db);
    return false;
  }
  return (
    prepareCached(db, 'SELECT 1 FROM erasures WHERE end_user_id = ? AND erased_at >= ?').get(endUserId, createdAtMs) !==
    undefined
  );
}

/** Every writer of the erasures table calls this first. */
export function erasureRecorded(db: Db): void {
  knownEmpty.delete(db);
}
