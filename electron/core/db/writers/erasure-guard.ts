// A record the server created before it erased its respondent is covered by that erasure:
// if a replayed page brings it back, it is dropped rather than resurrected.
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

export function isCoveredByErasure(db: Db, endUserId: string, createdAtMs: number): boolean {
  return (
    prepareCached(db, 'SELECT 1 FROM erasures WHERE end_user_id = ? AND erased_at >= ?').get(endUserId, createdAtMs) !==
    undefined
  );
}
