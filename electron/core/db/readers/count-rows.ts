import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

export const LOCAL_TABLES = [
  'respondents',
  'responses',
  'declines',
  'followups',
  'followup_events',
  'contact_log',
  'notes',
  'staff',
  'root_cause_tags',
  'outbox',
  'sync_state',
  'quarantine',
  'erasures',
  'settings',
] as const;
export type LocalTable = (typeof LOCAL_TABLES)[number];

export type RowCounts = Readonly<Record<LocalTable, number>>;

export function countRows(db: Db): RowCounts {
  const sql = `SELECT ${LOCAL_TABLES.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ')}`;
  return prepareCached(db, sql).get() as RowCounts;
}
