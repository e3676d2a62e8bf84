// A response as the responses table stores it, and back. One mapping for the writer and
// the readers, so a column added later is added in one place.
import type { SurveyResponse } from '../../../common/api/records.js';
import { fromSqlBoolean, toEpochMs, toInstant, toSqlBoolean } from './codec.js';

export interface ResponseRow {
  readonly id: string;
  readonly end_user_id: string;
  readonly survey_type: string;
  readonly score: number;
  readonly text: string | null;
  readonly origin_url: string | null;
  readonly channel: string;
  readonly product: string;
  readonly company: string | null;
  readonly country: string | null;
  readonly language: string | null;
  readonly tags: string;
  readonly excluded_from_calculations: 0 | 1;
  readonly created_at: number;
  readonly updated_at: number;
}

export const RESPONSE_COLUMNS = [
  'id',
  'end_user_id',
  'survey_type',
  'score',
  'text',
  'origin_url',
  'channel',
  'product',
  'company',
  'country',
  'language',
  'tags',
  'excluded_from_calculations',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ResponseRow)[];

export function toResponseRow(response: SurveyResponse): ResponseRow {
  return {
    ...response,
    tags: JSON.stringify(response.tags),
    excluded_from_calculations: toSqlBoolean(response.excluded_from_calculations),
    created_at: toEpochMs(response.created_at),
    updated_at: toEpochMs(response.updated_at),
  };
}

/** Trusts the row: only the writer above puts rows in the table. */
export function fromResponseRow(row: ResponseRow): SurveyResponse {
  return {
    ...row,
    survey_type: row.survey_type as SurveyResponse['survey_type'],
    channel: row.channel as SurveyResponse['channel'],
    tags: JSON.parse(row.tags) as string[],
    excluded_from_calculations: fromSqlBoolean(row.excluded_from_calculations),
    created_at: toInstant(row.created_at),
    updated_at: toInstant(row.updated_at),
  };
}
