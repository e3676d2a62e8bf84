// The queue prepares a statement per query shape (filters in use, sort, cursor segment), so
// a long session can meet hundreds of shapes. A small LRU per connection keeps the common
// ones prepared without holding every statement ever seen.
import type { Db, Statement } from '../db/sqlite.js';

const CAPACITY = 256;
const byConnection = new WeakMap<Db, Map<string, Statement>>();

export function queueStatement(db: Db, text: string): Statement {
  let cache = byConnection.get(db);
  if (cache === undefined) {
    cache = new Map();
    byConnection.set(db, cache);
  }
  let statement = cache.get(text);
  if (statement === undefined) {
    statement = db.prepare(text);
    if (cache.size >= CAPACITY) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
  } else {
    cache.delete(text);
  }
  cache.set(text, statement);
  return statement;
}
