// A bootstrap fills an empty cache with up to millions of responses. Maintaining every
// secondary index of the responses table row by row (the queue has one per sort column)
// costs more than the rows themselves, so a bootstrap into an empty table drops them and
// builds each once at the end, from sorted data. The dropped definitions are stored in the
// same transaction as the drop, so a crash mid-bootstrap resumes in the same mode and the
// indexes are always rebuilt when the feed has been read to its end.
import type { Db } from '../../db/sqlite.js';
import { deleteSyncState, readSyncState, SYNC_KEYS, writeSyncState } from './sync-state.js';

interface IndexDefinition {
  readonly name: string;
  readonly sql: string;
}

/** Kept during a bootstrap: erasure tombstones look responses up by respondent. */
const KEPT_INDEXES: readonly string[] = ['responses_end_user'];

/** A larger page cache while bootstrapping (KiB, SQLite's negative cache_size). */
export const BOOTSTRAP_CACHE_KIB = 64 * 1024;

export function isBulkLoading(db: Db): boolean {
  return readSyncState(db, SYNC_KEYS.deferredIndexes) !== undefined;
}

/** Starts bulk mode when the responses table is empty; true when the cache is in bulk mode. */
export function beginBulkLoad(db: Db): boolean {
  return db
    .transaction(() => {
      if (isBulkLoading(db)) return true;
      if (db.prepare('SELECT 1 FROM responses LIMIT 1').get() !== undefined) return false;
      const indexes = db
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'responses' AND sql IS NOT NULL",
        )
        .all() as IndexDefinition[];
      const deferred = indexes.filter((index) => !KEPT_INDEXES.includes(index.name));
      for (const index of deferred) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
      writeSyncState(db, SYNC_KEYS.deferredIndexes, deferred);
      return true;
    })
    .immediate();
}

/** Builds the deferred indexes and refreshes the planner's statistics; a no-op outside bulk mode. */
export function finishBulkLoad(db: Db): boolean {
  const deferred = readSyncState(db, SYNC_KEYS.deferredIndexes) as readonly IndexDefinition[] | undefined;
  if (deferred === undefined) return false;
  db.transaction(() => {
    const existing = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all());
    for (const index of deferred) if (!existing.has(index.name)) db.exec(index.sql);
    deleteSyncState(db, SYNC_KEYS.deferredIndexes);
  }).immediate();
  // The queue's planner chooses among many indexes; a sampled ANALYZE is enough for that
  // and takes a fraction of a second on a million rows.
  db.pragma('analysis_limit = 1000');
  db.exec('ANALYZE');
  return true;
}

/** A bigger page cache while bootstrapping; the previous size is restored afterwards. */
export function setBootstrapCache(db: Db, on: boolean): void {
  db.pragma(`cache_size = ${on ? -BOOTSTRAP_CACHE_KIB : -2000}`);
}
