// The distinct values of a column of responses (the assignees), by skipping through an
// index that leads with the column: one probe per value, not per row. NULL is listed when
// any row has it.
import type { Db } from '../db/sqlite.js';
import { queueStatement } from '../queue/queue-statements.js';

export type DistinctColumn = 'assignee_id';

export function distinctValues(db: Db, column: DistinctColumn): (string | null)[] {
  const values = queueStatement(
    db,
    `WITH RECURSIVE d(v) AS (
       SELECT min(${column}) FROM responses
       UNION ALL SELECT (SELECT min(${column}) FROM responses WHERE ${column} > d.v) FROM d WHERE d.v IS NOT NULL
     ) SELECT v FROM d WHERE v IS NOT NULL LIMIT 1000`,
  )
    .pluck()
    .all() as string[];
  const hasNull = queueStatement(db, `SELECT EXISTS (SELECT 1 FROM responses WHERE ${column} IS NULL)`)
    .pluck()
    .get() as number;
  return hasNull === 1 ? [...values, null] : values;
}
