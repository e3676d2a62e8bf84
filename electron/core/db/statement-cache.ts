// Preparing a statement costs more than running it; a million-row bootstrap runs the same
// few upserts over and over, so each connection keeps its prepared statements by SQL text.
import type { Db, Statement } from './sqlite.js';

/** 'pluck' statements return the first column's value instead of a row object. */
export type StatementShape = 'rows' | 'pluck';

const byConnection = new WeakMap<Db, Map<string, Statement>>();

export function prepareCached(db: Db, sql: string, shape: StatementShape = 'rows'): Statement {
  let statements = byConnection.get(db);
  if (statements === undefined) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  // The shape is part of the key: pluck() changes the statement object for every user.
  const key = `${shape}:${sql}`;
  let statement = statements.get(key);
  if (statement === undefined) {
    statement = db.prepare(sql);
    if (shape === 'pluck') statement.pluck();
    statements.set(key, statement);
  }
  return statement;
}
