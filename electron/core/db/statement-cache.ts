// Preparing a statement costs more than running it; a million-row bootstrap runs the same
// few upserts over and over, so each connection keeps its prepared statements by SQL text.
import type { Db, Statement } from './sqlite.js';

/** 'pluck' statements return the first column's value instead of a row object. */
export type StatementShape = 'rows' | 'pluck';

/** Per connection and shape, by SQL text. Two levels, not one "shape:sql" key: a concatenated
 * key is a new string on every call whose hash must be computed again over the whole SQL text,
 * which cost a million-row bootstrap seconds; a literal's hash is computed once. */
const byConnection = new WeakMap<Db, Record<StatementShape, Map<string, Statement>>>();

export function prepareCached(db: Db, sql: string, shape: StatementShape = 'rows'): Statement {
  let cache = byConnection.get(db);
  if (cache === undefined) {
    cache = { rows: new Map(), pluck: new Map() };
    byConnection.set(db, cache);
  }
  // The shape keeps its own map: pluck() changes the statement object for every user.
  const statements = cache[shape];
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (shape === 'pluck') statement.pluck();
    statements.set(sql, statement);
  }
  return statement;
}
