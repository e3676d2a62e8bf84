// A bootstrap fills an empty cache with up to millions of responses. Maintaining every
// secondary index of the responses table row by row (the queue and the team views have one
// per sort column and report) costs more than the rows themselves, and so does feeding the
// full-text index one commit at a time (each commit leaves a segment that must be merged).
// So a bootstrap into an empty table drops those indexes, the random-key lookup indexes of
// the other mirror tables (below) and the full-text triggers, and at the end builds each
// index once from sorted data and the full-text index in one pass. The
// same goes for the insert triggers that copy a follow-up's triage fields, tags and contact
// times onto its response (migrations 0001–0003): row by row they rewrite a response up to
// four times per follow-up (about 1 s of CPU of the 6.5 s that 100k responses' 320k records
// take to insert and index); at the end one set-wise pass (about 0.3 s) computes the same
// columns, before the indexes are built, so it maintains none. Until then the
// queue shows pulled responses without their follow-up's status and assignee. The dropped
// definitions are stored in the same transaction as the drop: a crash mid-bootstrap
// resumes in the same mode, and everything is rebuilt when the feed has been read to its end.
import type { Db } from '../../db/sqlite.js';
import { FTS_TABLE } from './reset-mirror.js';
import { deleteSyncState, readSyncState, SYNC_KEYS, writeSyncState } from './sync-state.js';

interface SchemaObject {
  readonly name: string;
  readonly sql: string;
}

interface Deferred {
  readonly indexes: readonly SchemaObject[];
  readonly triggers: readonly SchemaObject[];
  /** Dropped derived-column triggers, restored after recomputeDerived() (absent: none). */
  readonly derivedTriggers?: readonly SchemaObject[];
}

/**
 * Deferred besides the responses table's own: lookup indexes whose keys (respondent ids,
 * e-mail addresses) arrive in random order, so that each commit rewrote thousands of their
 * leaf pages — at a million responses more than half of all commit time (52 s of 82 s).
 * The follow-ups' assignee, status and root-cause indexes likewise: maintained row by row
 * they made a follow-up cost 22 µs to insert instead of 14 µs (1.9 s of a million-response
 * bootstrap's pull, against 0.9 s to build them at its end). Not followup_events_followup_at:
 * deferred, it saved 1.3 s of the pull and its build took 2.4 s, reading 290 MB of events
 * back from the file.
 */
const DEFERRED_LOOKUP_INDEXES: readonly string[] = [
  'respondents_email',
  'respondents_external_id',
  'declines_end_user',
  'followups_end_user',
  'followups_assignee_status',
  'followups_status_due',
  'followups_team_root_causes',
];

/** What an erasure finds a respondent's rows by (db/writers/erase-respondent.ts). */
const ERASURE_INDEXES: readonly string[] = ['responses_end_user', 'declines_end_user', 'followups_end_user'];

/**
 * The AFTER INSERT triggers whose effect recomputeDerived() reproduces. Their UPDATE and
 * DELETE siblings stay: a replayed record, a local edit or an erasure keeps its response in
 * step during the bootstrap too. A new insert trigger on these tables must be added here
 * (and to recomputeDerived) or stays in place; a test lists them.
 */
export const DERIVED_INSERT_TRIGGERS: readonly string[] = [
  'responses_triage_insert',
  'queue_response_insert',
  'team_response_insert',
  'followups_triage_insert',
  'queue_followup_insert',
  'team_followup_insert',
  'queue_contact_insert',
];

/**
 * What the insert triggers maintain, for every response at once: the follow-up's triage
 * fields, first contact and done times (0001, 0003), the latest contact (0002) and the tag
 * rows of the response and its follow-up (0002). Rows without a follow-up keep their
 * defaults, as the triggers leave them.
 */
const RECOMPUTE_DERIVED_SQL = `
UPDATE responses
   SET status = f.status, assignee_id = f.assignee_id, priority = f.priority, due_at = f.due_at,
       first_contact_at = f.first_contact_at, done_at = f.done_at,
       last_contact_at = (SELECT max(c.contacted_at) FROM contact_log c WHERE c.followup_id = f.id)
  FROM followups f
 WHERE f.response_id = responses.id;
INSERT OR IGNORE INTO queue_tags (rid, tag)
  SELECT r.rid, t.value FROM responses r, json_each(r.tags) t WHERE r.tags <> '[]';
INSERT OR IGNORE INTO queue_tags (rid, tag)
  SELECT r.rid, t.value FROM followups f JOIN responses r ON r.id = f.response_id, json_each(f.tags) t
   WHERE f.tags <> '[]';
`;

/**
 * A larger page cache while bootstrapping (KiB, SQLite's negative cache_size), given back at
 * the end. Each deferred index is built by a scan of the whole table, and every page read
 * from the file is decrypted again: at a million responses, building them took 38 s with a
 * 64 MiB cache and 29 s with this one.
 */
export const BOOTSTRAP_CACHE_KIB = 256 * 1024;

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function isBulkLoading(db: Db): boolean {
  return readSyncState(db, SYNC_KEYS.deferredIndexes) !== undefined;
}

/** Starts bulk mode when the responses table is empty; true when the cache is in bulk mode. */
export function beginBulkLoad(db: Db): boolean {
  return db
    .transaction(() => {
      if (isBulkLoading(db)) return true;
      if (db.prepare('SELECT 1 FROM responses LIMIT 1').get() !== undefined) return false;
      const indexes = (
        db
          .prepare("SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
          .all() as (SchemaObject & { readonly tbl_name: string })[]
      )
        .filter((index) => index.tbl_name === 'responses' || DEFERRED_LOOKUP_INDEXES.includes(index.name))
        .map(({ name, sql }) => ({ name, sql }));
      // Every trigger that writes the full-text index (insert, update and delete alike: the
      // index is rebuilt from the table at the end, so nothing may half-maintain it meanwhile).
      const triggers = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'responses' AND sql LIKE ?")
        .all(`%INTO ${FTS_TABLE} %`) as SchemaObject[];
      const derivedTriggers = (
        db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as SchemaObject[]
      ).filter((trigger) => DERIVED_INSERT_TRIGGERS.includes(trigger.name));
      for (const index of indexes) db.exec(`DROP INDEX ${quoted(index.name)}`);
      for (const trigger of [...triggers, ...derivedTriggers]) db.exec(`DROP TRIGGER ${quoted(trigger.name)}`);
      const deferred: Deferred = { indexes, triggers, derivedTriggers };
      writeSyncState(db, SYNC_KEYS.deferredIndexes, deferred);
      return true;
    })
    .immediate();
}

/**
 * An erasure tombstone in the middle of a bootstrap: the indexes it finds the respondent's
 * rows by are built now (about a second each at a million responses), not at the end, so
 * that it and every later one look rows up instead of scanning whole tables. In the
 * caller's transaction; the end of the bootstrap skips what already exists.
 */
export function restoreErasureIndexes(db: Db): void {
  const deferred = readSyncState(db, SYNC_KEYS.deferredIndexes) as Deferred | undefined;
  if (deferred === undefined) return;
  const existing = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all());
  for (const index of deferred.indexes) {
    if (ERASURE_INDEXES.includes(index.name) && !existing.has(index.name)) db.exec(index.sql);
  }
}

/**
 * FTS5 flushes its in-memory term buffer to a new segment each time the buffer reaches its
 * "hashsize" (1 MiB by default), and merges the segments as they pile up. With a 16 MiB
 * buffer, the rebuild of a million responses' comments takes 2.5 s instead of 3.3–3.9 s
 * (64 MiB: no better). The default is put back after, so everyday commits (which flush
 * anyway) keep the buffer SQLite chose.
 */
const REBUILD_HASH_BYTES = 16 * 1024 * 1024;
const DEFAULT_FTS5_HASH_BYTES = 1024 * 1024;

function rebuildFullTextIndex(db: Db): void {
  // Written out, not bound: better-sqlite3 binds a number as REAL, and FTS5 wants an integer.
  const setHashSize = (bytes: number) => {
    db.exec(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}, rank) VALUES ('hashsize', ${bytes})`);
  };
  setHashSize(REBUILD_HASH_BYTES);
  db.prepare(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}) VALUES ('rebuild')`).run();
  setHashSize(DEFAULT_FTS5_HASH_BYTES);
}

/**
 * The queue's planner chooses among many indexes: sampled statistics are enough for that.
 * ANALYZE still counts every entry of an index, so it is run on each deferred index right
 * after its build, while its pages are in the page cache (about 10 ms each); one ANALYZE of
 * the whole database at the end read each index back from the file, decrypting every page:
 * 1.5–1.9 s at a million responses.
 */
function analyzeSampled(db: Db, name: string): void {
  db.pragma('analysis_limit = 1000');
  db.exec(`ANALYZE ${quoted(name)}`);
}

/**
 * Completes the statistics as a whole-database ANALYZE would leave them: every index of an
 * ordinary table that has none yet, and each table without indexes (its row count).
 */
function analyzeWhatHasNoStatistics(db: Db): void {
  const hasStat1 = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get() !== undefined;
  const known = new Set(
    hasStat1 ? (db.prepare("SELECT tbl || '.' || coalesce(idx, '') FROM sqlite_stat1").pluck().all() as string[]) : [],
  );
  const tables = (db.pragma('table_list') as { schema: string; name: string; type: string }[]).filter(
    (table) =>
      table.schema === 'main' &&
      (table.type === 'table' || table.type === 'shadow') &&
      !table.name.startsWith('sqlite_'),
  );
  for (const table of tables) {
    const indexes = (db.pragma(`index_list(${quoted(table.name)})`) as { name: string }[]).map((index) => index.name);
    if (indexes.length === 0) {
      if (!known.has(`${table.name}.`)) analyzeSampled(db, table.name);
      continue;
    }
    for (const index of indexes) if (!known.has(`${table.name}.${index}`)) analyzeSampled(db, index);
  }
}

/** How many finishBulkLoadStep() calls are left: derived columns, each index, full-text. */
export function bulkLoadStepsLeft(db: Db): number {
  const deferred = readSyncState(db, SYNC_KEYS.deferredIndexes) as Deferred | undefined;
  if (deferred === undefined) return 0;
  return ((deferred.derivedTriggers ?? []).length > 0 ? 1 : 0) + deferred.indexes.length + 1;
}

export interface FinishStep {
  /** What is still to build after this step (indexes, then the full-text index). */
  readonly remaining: number;
  /**
   * For 'data:changed': what this step altered that the views show. The derived-columns step
   * gives every response its follow-up's status and assignee, which the queue showed without
   * until then; the views re-read at once instead of at the end, half a minute later at a
   * million responses.
   */
  readonly kinds: readonly string[];
}

/**
 * Builds one deferred thing — an index, or last the full-text index — in its own transaction,
 * so that other requests to the database (the queue's reads) wait seconds, not the minute a
 * million rows take for all of them. The last step also refreshes the planner's statistics.
 */
export function finishBulkLoadStep(db: Db): FinishStep {
  const deferred = readSyncState(db, SYNC_KEYS.deferredIndexes) as Deferred | undefined;
  if (deferred === undefined) return { remaining: 0, kinds: [] };
  const [next, ...rest] = deferred.indexes;
  const derivedTriggers = deferred.derivedTriggers ?? [];
  if (derivedTriggers.length > 0) {
    // First, while the responses table has almost no index to maintain.
    db.transaction(() => {
      db.exec(RECOMPUTE_DERIVED_SQL);
      const existing = new Set(db.prepare('SELECT name FROM sqlite_master').pluck().all());
      for (const trigger of derivedTriggers) if (!existing.has(trigger.name)) db.exec(trigger.sql);
      writeSyncState(db, SYNC_KEYS.deferredIndexes, { indexes: deferred.indexes, triggers: deferred.triggers });
    }).immediate();
    return { remaining: bulkLoadStepsLeft(db), kinds: ['followup'] };
  }
  db.transaction(() => {
    const existing = new Set(db.prepare('SELECT name FROM sqlite_master').pluck().all());
    if (next !== undefined) {
      if (!existing.has(next.name)) db.exec(next.sql);
      analyzeSampled(db, next.name);
      writeSyncState(db, SYNC_KEYS.deferredIndexes, { ...deferred, indexes: rest });
      return;
    }
    rebuildFullTextIndex(db);
    for (const trigger of deferred.triggers) if (!existing.has(trigger.name)) db.exec(trigger.sql);
    deleteSyncState(db, SYNC_KEYS.deferredIndexes);
  }).immediate();
  if (next === undefined) analyzeWhatHasNoStatistics(db);
  return { remaining: bulkLoadStepsLeft(db), kinds: [] };
}

/** Builds everything that was deferred; false outside bulk mode. */
export function finishBulkLoad(db: Db): boolean {
  if (!isBulkLoading(db)) return false;
  while (finishBulkLoadStep(db).remaining > 0);
  return true;
}

/**
 * Bootstrap settings on or off: a bigger page cache and a rollback journal while bulk
 * loading, SQLite's default cache and WAL afterwards. The journal mode says which is in
 * effect, so turning them off outside a bootstrap (every incremental pull does) changes
 * nothing: the page cache a Team report raised (team/report-cache.ts) keeps its pages.
 *
 * Why a rollback journal: in WAL mode every page is encrypted into the WAL at commit, then
 * decrypted and encrypted again when a checkpoint copies it into the database; a bootstrap
 * writes mostly new pages, which a rollback journal does not copy at all. Measured on 100k
 * responses: 7 % less time. Nothing reads concurrently during a bootstrap (one connection,
 * in the database worker), so WAL's readers-beside-a-writer buys nothing then. A crash
 * mid-transaction leaves a hot journal that SQLite rolls back on the next open, as it does
 * for the WAL; user actions still commit with synchronous=FULL (runWithFullSync). Called
 * outside transactions only: SQLite refuses to change the journal mode inside one.
 */
export function setBootstrapTuning(db: Db, on: boolean): void {
  const bootstrapping = db.pragma('journal_mode', { simple: true }) === BOOTSTRAP_JOURNAL_MODE;
  if (on && !bootstrapping) {
    db.pragma(`cache_size = ${-BOOTSTRAP_CACHE_KIB}`);
    db.pragma(`journal_mode = ${BOOTSTRAP_JOURNAL_MODE}`);
  } else if (!on && bootstrapping) {
    db.pragma('cache_size = -2000');
    db.pragma('journal_mode = WAL');
  }
}

const BOOTSTRAP_JOURNAL_MODE = 'truncate';
