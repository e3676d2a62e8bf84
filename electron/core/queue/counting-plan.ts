// Counting (totals, view badges, facets) with the access path SQLite picks, unless that path
// looks up table rows one by one while the covering index could answer alone. With several
// broad filters SQLite's statistics often choose one filter's index and then read every
// matching row of the table: a hundred thousand rows (~0.5 s) where reading the covering
// index takes tens of milliseconds. Its plan says which it chose, so the choice is checked
// rather than guessed.
import type { QueueFilters } from '../../../common/queue/query.js';
import type { Db } from '../db/sqlite.js';
import { queueStatement } from './queue-statements.js';
import { coveredByCountingIndex } from './sql/filters.js';

const COUNTING_INDEX_NAME = 'responses_q_cover';
export const COUNTING_INDEX = `INDEXED BY ${COUNTING_INDEX_NAME}`;

interface PlanRow {
  readonly detail: string;
}

interface IndexRow {
  readonly name: string;
  readonly partial: number;
}

/** The indexes of responses now: sync's bulk load drops them during a bootstrap. */
function responseIndexes(db: Db): readonly IndexRow[] {
  return queueStatement(db, "SELECT name, partial FROM pragma_index_list('responses')").all() as IndexRow[];
}

/**
 * True when the plan reads table rows per match through a full (non-partial) index, or scans
 * the table: as many rows as its one indexed condition matches, often a large share of it.
 */
function readsTableRows(indexes: readonly IndexRow[], plan: readonly PlanRow[]): boolean {
  const partial = new Set(indexes.filter((i) => i.partial === 1).map((i) => i.name));
  return plan.some(({ detail }) => {
    const index = / USING INDEX (\w+)/.exec(detail)?.[1];
    return (index !== undefined && !partial.has(index)) || /^SCAN responses$/.test(detail.trim());
  });
}

/**
 * The SQL to count with: `build('')` as SQLite plans it, or `build(COUNTING_INDEX)` when that
 * plan would read table rows and the covering index holds every filtered column.
 */
export function countingSql(
  db: Db,
  build: (hint: string) => string,
  params: readonly unknown[],
  filters: QueueFilters,
  exclude: readonly (keyof QueueFilters)[],
): string {
  const plain = build('');
  if (!coveredByCountingIndex(filters, exclude)) return plain;
  const indexes = responseIndexes(db);
  if (!indexes.some((i) => i.name === COUNTING_INDEX_NAME)) return plain;
  const plan = queueStatement(db, `EXPLAIN QUERY PLAN ${plain}`).all(...params) as PlanRow[];
  return readsTableRows(indexes, plan) ? build(COUNTING_INDEX) : plain;
}
