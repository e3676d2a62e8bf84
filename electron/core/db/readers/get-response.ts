import type { SurveyResponse } from '../../../../common/api/records.js';
import { fromResponseRow, RESPONSE_COLUMNS, type ResponseRow } from '../response-row.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

const SELECT = `SELECT ${RESPONSE_COLUMNS.join(', ')} FROM responses WHERE id = ?`;

export function getResponse(db: Db, id: string): SurveyResponse | null {
  const row = prepareCached(db, SELECT).get(id) as ResponseRow | undefined;
  return row === undefined ? null : fromResponseRow(row);
}
