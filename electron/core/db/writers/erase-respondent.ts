// An erasure tombstone: everything held about the respondent goes, in the caller's
// transaction. Deleted rows are zeroed in place (secure_delete) and removed from the
// full-text index (FTS5 secure-delete); the caller then checkpoints with
// checkpointTruncate() so the WAL's copies of the old pages go too.
import { followupIdFor, type Erasure } from '../../../../common/api/records.js';
import { toEpochMs } from '../codec.js';
import { prepareCached } from '../statement-cache.js';
import { erasureRecorded } from './erasure-guard.js';
import type { Db } from '../sqlite.js';

const IN_LIST = 'IN (SELECT value FROM json_each(?))';

export function eraseRespondent(db: Db, erasure: Erasure): void {
  const endUserId = erasure.end_user_id;
  const responseIds = prepareCached(db, 'SELECT id FROM responses WHERE end_user_id = ?', 'pluck').all(
    endUserId,
  ) as string[];
  const followupIds = new Set(
    prepareCached(db, 'SELECT id FROM followups WHERE end_user_id = ?', 'pluck').all(endUserId) as string[],
  );
  // Events can arrive before their follow-up row; its id is derived from the response id.
  for (const responseId of responseIds) followupIds.add(followupIdFor(responseId));
  const responses = JSON.stringify(responseIds);
  const followups = JSON.stringify([...followupIds]);

  // Pending edits first: the outbox must not send anything about an erased respondent.
  prepareCached(db, `DELETE FROM outbox WHERE response_id ${IN_LIST}`).run(responses);
  for (const table of ['contact_log', 'notes', 'followup_events'] as const) {
    prepareCached(db, `DELETE FROM ${table} WHERE followup_id ${IN_LIST}`).run(followups);
  }
  for (const table of ['followups', 'responses', 'declines', 'quarantine'] as const) {
    prepareCached(db, `DELETE FROM ${table} WHERE end_user_id = ?`).run(endUserId);
  }
  prepareCached(db, 'DELETE FROM respondents WHERE id = ?').run(endUserId);
  erasureRecorded(db);
  prepareCached(
    db,
    'INSERT INTO erasures (end_user_id, erased_at) VALUES (?, ?) ' +
      'ON CONFLICT (end_user_id) DO UPDATE SET erased_at = max(erased_at, excluded.erased_at)',
  ).run(endUserId, toEpochMs(erasure.erased_at));
}
