import type { EndUser } from '../../../../common/api/records.js';
import { toEpochMs, toSqlBoolean } from '../codec.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';
import { isCoveredByErasure } from './erasure-guard.js';
import { upsertStatement } from './upsert-sql.js';

const UPSERT = upsertStatement('respondents', [
  'id',
  'email',
  'external_id',
  'name',
  'phone',
  'properties',
  'restricted',
  'objected',
  'created_at',
  'updated_at',
]);

/** Returns false when the record was dropped because the respondent was erased. */
export function upsertRespondent(db: Db, respondent: EndUser): boolean {
  const createdAt = toEpochMs(respondent.created_at);
  if (isCoveredByErasure(db, respondent.id, createdAt)) return false;
  prepareCached(db, UPSERT.sql).run(
    UPSERT.values({
      ...respondent,
      properties: JSON.stringify(respondent.properties),
      restricted: toSqlBoolean(respondent.restricted),
      objected: toSqlBoolean(respondent.objected),
      created_at: createdAt,
      updated_at: toEpochMs(respondent.updated_at),
    }),
  );
  return true;
}
