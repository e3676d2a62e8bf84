// `INDEXED BY` for queries whose fast plan SQLite's statistics do not find: a LIMIT/OFFSET
// read in index order, where the planner would rather sort a range. Only while the index
// exists: a bulk bootstrap drops the responses indexes until it completes (sync/store/
// bulk-load.ts), and a query naming a missing index would fail instead of running slowly.
import type { Db } from '../db/sqlite.js';
import { queueStatement } from '../queue/queue-statements.js';

export function indexedBy(db: Db, index: string): string {
  const exists = queueStatement(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(index);
  return exists === undefined ? '' : `INDEXED BY ${index}`;
}
