// The buckets of a trend (weeks or months of local time, computed in common/team/period.ts)
// as a small VALUES table, so SQL only compares integers: each bucket is one index range.
import type { Period } from '../../../common/team/period.js';
import { placeholders, type SqlFragment } from '../queue/sql/sql-fragment.js';

/** `WITH buckets(i, lo, hi) AS (VALUES …)`, numbered from 0 in the given order. */
export function bucketsCte(buckets: readonly Period[]): SqlFragment {
  if (buckets.length === 0) return { sql: 'WITH buckets(i, lo, hi) AS (SELECT 0, 0, 0 WHERE 0)', params: [] };
  const rows = buckets.map(() => `(${placeholders(3)})`).join(', ');
  return {
    sql: `WITH buckets(i, lo, hi) AS (VALUES ${rows})`,
    params: buckets.flatMap((b, i) => [i, b.from, b.to]),
  };
}
