import type { Decline } from '../../../../common/api/records.js';
import { toEpochMs } from '../codec.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';
import { isCoveredByErasure } from './erasure-guard.js';
import { upsertStatement } from './upsert-sql.js';

const UPSERT = upsertStatement('declines', [
  'id',
  'end_user_id',
  'survey_type',
  'channel',
  'product',
  'origin_url',
  'created_at',
]);

/** Returns false when the record was dropped because its respondent was erased. */
export function upsertDecline(db: Db, decline: Decline): boolean {
  const createdAt = toEpochMs(decline.created_at);
  if (isCoveredByErasure(db, decline.end_user_id, createdAt)) return false;
  prepareCached(db, UPSERT.sql).run(UPSERT.values({ ...decline, created_at: createdAt }));
  return true;
}
