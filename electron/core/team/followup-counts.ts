// Counts over follow-ups by assignee and status, without a sort. A GROUP BY over a period's
// follow-ups would sort them all (~0.1 s a hundred thousand rows), and SQLite will not
// reliably pick a skip-scan instead; so each (assignee, status) pair is counted by its own
// correlated subquery, one range of responses_team_followups (assignee, status, due, …) —
// about a hundred index ranges that together read each matching row once.
import type { Db } from '../db/sqlite.js';
import { queueStatement } from '../queue/queue-statements.js';
import { allOf, joinSql, placeholders, sql, type SqlFragment } from '../queue/sql/sql-fragment.js';
import { distinctValues } from './distinct-values.js';
import { indexedBy } from './index-hint.js';

/** The partial index's condition, written out so the planner may use the index; every follow-up meets it. */
export const HAS_FOLLOWUP = sql('(assignee_id IS NOT NULL OR due_at IS NOT NULL)');

export interface PairCount {
  readonly assignee: string | null;
  readonly status: string;
  /** count(*), then each measure's value, in order (JSON: numbers, or arrays of them). */
  readonly values: readonly unknown[];
}

/**
 * For each assignee (null: nobody) and status, the number of rows matching `where` and each
 * aggregate `measure` — a whole aggregate expression: coalesce(sum(…), 0), count(column),
 * json_group_array(column). Pairs without rows are left out. Keep measures few and cheap:
 * they run on every row of a period.
 */
export function countPairs(
  db: Db,
  assignees: readonly (string | null)[],
  statuses: readonly string[],
  where: SqlFragment,
  measures: readonly SqlFragment[],
): PairCount[] {
  const pairs = assignees.flatMap((a) => statuses.map((s) => [a, s]));
  if (pairs.length === 0) return [];
  const sums = joinSql([sql('count(*)'), ...measures], ', ');
  const inner = allOf([HAS_FOLLOWUP, sql('assignee_id IS p.a AND status = p.s'), where]);
  const text =
    `WITH p(a, s) AS (VALUES ${pairs.map(() => `(${placeholders(2)})`).join(', ')}) ` +
    // Empty pairs are dropped below, not by a WHERE on v: SQLite would evaluate the
    // subquery a second time for that condition.
    `SELECT p.a AS a, p.s AS s, (SELECT json_array(${sums.sql}) ` +
    `FROM responses ${indexedBy(db, 'responses_team_followups')} WHERE ${inner.sql}) AS v FROM p`;
  const rows = queueStatement(db, text).all(...pairs.flat(), ...sums.params, ...inner.params) as {
    readonly a: string | null;
    readonly s: string;
    readonly v: string;
  }[];
  return rows
    .map((row) => ({ assignee: row.a, status: row.s, values: JSON.parse(row.v) as unknown[] }))
    .filter((pair) => pair.values[0] !== 0);
}

/** Everyone who holds follow-ups (skipping through the index), and null for nobody. */
export function assigneesInData(db: Db): (string | null)[] {
  const found = distinctValues(db, 'assignee_id');
  return found.includes(null) ? found : [...found, null];
}
