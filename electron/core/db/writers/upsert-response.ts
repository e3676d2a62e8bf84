// The comment's full-text row follows the responses row through the triggers of migration
// 0001, so every path that writes a response keeps search in step.
import type { SurveyResponse } from '../../../../common/api/records.js';
import { RESPONSE_COLUMNS, toResponseRow } from '../response-row.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';
import { isCoveredByErasure } from './erasure-guard.js';
import { upsertStatement } from './upsert-sql.js';

const UPSERT = upsertStatement('responses', RESPONSE_COLUMNS);

/** Returns false when the record was dropped because its respondent was erased. */
export function upsertResponse(db: Db, response: SurveyResponse): boolean {
  const row = toResponseRow(response);
  if (isCoveredByErasure(db, row.end_user_id, row.created_at)) return false;
  prepareCached(db, UPSERT.sql).run(UPSERT.values(row));
  return true;
}
