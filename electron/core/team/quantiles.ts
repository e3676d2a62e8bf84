// Exact quantiles read from an index in order (migration 0003): with n values, the median
// is the middle one, or the mean of the two middle ones (ranks ⌊(n+1)/2⌋ and ⌊(n+2)/2⌋,
// counted from 1); p90 is the nearest rank ⌈0.9·n⌉. SQLite reads to the rank and stops, so
// no sort: p90 is read from the top end (n − rank from the largest), a tenth of the way.
import type { Db } from '../db/sqlite.js';
import { queueStatement } from '../queue/queue-statements.js';
import type { SqlFragment } from '../queue/sql/sql-fragment.js';

/** Where the values are: a column, the index that orders it, and which rows count. */
export interface OrderedValues {
  readonly column: string;
  /** `INDEXED BY …` or '' (index-hint.ts). */
  readonly hint: string;
  readonly where: SqlFragment;
}

function read(db: Db, values: OrderedValues, direction: 'ASC' | 'DESC', offset: number, limit: number): number[] {
  const text =
    `SELECT ${values.column} FROM responses ${values.hint} WHERE ${values.where.sql} ` +
    `ORDER BY ${values.column} ${direction} LIMIT ? OFFSET ?`;
  return queueStatement(db, text)
    .pluck()
    .all(...values.where.params, limit, offset) as number[];
}

/** The median of the n values; null when n is 0. */
export function medianOf(db: Db, values: OrderedValues, n: number): number | null {
  if (n <= 0) return null;
  const low = Math.floor((n + 1) / 2);
  const high = Math.floor((n + 2) / 2);
  const middle = read(db, values, 'ASC', low - 1, high - low + 1);
  if (middle.length === 0) return null;
  return middle.reduce((a, b) => a + b, 0) / middle.length;
}

/** The p90 (nearest rank) of the n values; null when n is 0. */
export function p90Of(db: Db, values: OrderedValues, n: number): number | null {
  if (n <= 0) return null;
  const rank = Math.ceil((9 * n) / 10);
  return read(db, values, 'DESC', n - rank, 1)[0] ?? null;
}
