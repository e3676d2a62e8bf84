// Settings → Sync problems: records the feed sent that failed validation (kept in the
// quarantine table with the reason) and the latest mutations the server refused.
import type { QuarantinedRecord, SyncProblems } from '../../../../common/ipc/channels/sync.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';
import { readRejections } from './rejections.js';

export function readSyncProblems(db: Db, limit: number): SyncProblems {
  const quarantined = prepareCached(
    db,
    'SELECT id, kind, record_id AS recordId, reason, quarantined_at AS quarantinedAt FROM quarantine ' +
      'ORDER BY quarantined_at DESC, id DESC LIMIT ?',
  ).all(limit) as QuarantinedRecord[];
  const quarantinedTotal = prepareCached(db, 'SELECT count(*) FROM quarantine', 'pluck').get() as number;
  const rejected = readRejections(db).map(({ endUserId: _private, ...rest }) => rest);
  return { quarantined, quarantinedTotal, rejected };
}
