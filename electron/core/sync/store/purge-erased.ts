// What sync itself holds about a respondent, removed with an erasure tombstone before the
// cache's own purge (db/writers/erase-respondent.ts): pending edits and the bases they were
// rebuilt from — found through the base even when the response is not in the cache (after a
// reset) — and the remembered rejections about them.
import { followupIdFor } from '../../../../common/api/records.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';
import { deleteBase, listBases } from './followup-base.js';
import { forgetRejectionsOf } from './rejections.js';

export function purgeSyncDataOf(db: Db, endUserId: string): void {
  const responseIds = new Set(
    prepareCached(db, 'SELECT id FROM responses WHERE end_user_id = ?', 'pluck').all(endUserId) as string[],
  );
  for (const base of listBases(db).values()) {
    if (base.end_user_id === endUserId) responseIds.add(base.response_id);
  }
  for (const responseId of responseIds) {
    const followupId = followupIdFor(responseId);
    prepareCached(db, 'DELETE FROM outbox WHERE response_id = ?').run(responseId);
    prepareCached(db, 'DELETE FROM followup_events WHERE followup_id = ?').run(followupId);
    prepareCached(db, 'DELETE FROM contact_log WHERE followup_id = ?').run(followupId);
    prepareCached(db, 'DELETE FROM notes WHERE followup_id = ?').run(followupId);
    prepareCached(db, 'DELETE FROM followups WHERE id = ?').run(followupId);
    deleteBase(db, followupId);
  }
  forgetRejectionsOf(db, endUserId, responseIds);
}
