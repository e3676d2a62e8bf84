// The reset and the bulk load touch the schema wholesale: every table must be accounted for,
// and whatever is dropped for speed must come back exactly as it was.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { existsSync, statSync } from 'node:fs';
import {
  beginBulkLoad,
  BOOTSTRAP_CACHE_KIB,
  bulkLoadStepsLeft,
  DERIVED_INSERT_TRIGGERS,
  finishBulkLoad,
  finishBulkLoadStep,
  isBulkLoading,
  setBootstrapTuning,
} from '../../../electron/core/sync/store/bulk-load.js';
import { submitMutation } from '../../../electron/core/sync/store/outbox.js';
import { ensureReportCache, REPORT_CACHE_KIB } from '../../../electron/core/team/report-cache.js';
import {
  DERIVED_TABLES,
  FTS_TABLE,
  MIRROR_TABLES,
  resetMirror,
} from '../../../electron/core/sync/store/reset-mirror.js';
import { readCursor, readSyncState, SYNC_KEYS } from '../../../electron/core/sync/store/sync-state.js';
import { followup, respondentStory, response } from '../db/support/records.js';
import { openTestDatabase } from '../db/support/test-database.js';
import { applyPage, signIn } from './store-support.js';

/** Kept by a reset: what the user did on this install, and what it needs to be sent. */
const KEPT_BY_RESET = ['outbox', 'sync_state', 'erasures', 'settings', 'saved_views', 'export_audit'];

const schema = (db: Db, type: string): string[] =>
  db
    .prepare('SELECT sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL ORDER BY name')
    .pluck()
    .all(type) as string[];

describe('reset of the mirror', () => {
  it('accounts for every table of the cache (a new table must be classified here)', () => {
    const { db } = openTestDatabase();
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    const known = new Set<string>([...MIRROR_TABLES, ...DERIVED_TABLES, ...KEPT_BY_RESET, FTS_TABLE]);
    expect(tables.filter((t) => !known.has(t) && !t.startsWith(`${FTS_TABLE}_`))).toEqual([]);
  });

  it('empties the mirror, its derived tables and the full-text index; keeps the outbox and triggers', () => {
    const { db } = openTestDatabase();
    signIn(db);
    applyPage(db, [...respondentStory('u1', 'r1'), ...respondentStory('u2', 'r2')]);
    const outcome = submitMutation(db, {
      name: 'set_priority',
      args: { response_id: 'r1', priority: 'low' },
      nowMs: 0,
    });
    expect(outcome.ok).toBe(true);
    const triggers = schema(db, 'trigger');
    expect(db.prepare('SELECT count(*) FROM queue_tags').pluck().get()).toBeGreaterThan(0);

    resetMirror(db);
    for (const table of [...MIRROR_TABLES, ...DERIVED_TABLES]) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    db.exec(`CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, '${FTS_TABLE}', 'instance')`);
    expect(db.prepare('SELECT count(*) FROM temp.vocab').pluck().get()).toBe(0);
    expect(schema(db, 'trigger')).toEqual(triggers);
    expect(readCursor(db)).toBeNull();
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
    expect(readSyncState(db, SYNC_KEYS.me)).toMatchObject({ id: 'me-1' });
    // The server state under the pending edit is unknown until the new pull brings it.
    expect(readSyncState(db, 'followup_base:fu_r1')).toMatchObject({ response_id: 'r1', server: null });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // The triggers work again: a re-pulled story is indexed as before.
    applyPage(db, respondentStory('u1', 'r1'));
    expect(db.prepare('SELECT count(*) FROM temp.vocab').pluck().get()).toBeGreaterThan(0);
    expect(db.prepare("SELECT priority FROM followups WHERE id = 'fu_r1'").pluck().get()).toBe('low');
  });
});

describe('bulk load', () => {
  it('defers the response indexes and the full-text index while the table fills, then rebuilds them', () => {
    const { db } = openTestDatabase();
    const indexes = schema(db, 'index');
    const triggers = schema(db, 'trigger');
    const deferredIndexes = db
      .prepare(
        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND (tbl_name = 'responses' " +
          "OR name IN ('respondents_email', 'respondents_external_id', 'declines_end_user', 'followups_end_user', " +
          "'followups_assignee_status', 'followups_status_due', 'followups_team_root_causes'))",
      )
      .pluck()
      .get();
    expect(beginBulkLoad(db)).toBe(true);
    expect(isBulkLoading(db)).toBe(true);
    const during = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'responses' AND sql IS NOT NULL")
      .pluck()
      .all();
    expect(during).toEqual([]);
    const lookups = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
    for (const name of ['respondents_email', 'followups_end_user', 'declines_end_user', 'followups_status_due']) {
      expect(lookups).not.toContain(name);
    }
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'responses_fts_*'").all(),
    ).toEqual([]);
    applyPage(db, [...respondentStory('u1', 'r1'), ...respondentStory('u2', 'r2')]);
    const search = () =>
      db.prepare(`SELECT count(*) FROM ${FTS_TABLE} WHERE ${FTS_TABLE} MATCH 'comment'`).pluck().get();
    expect(search()).toBe(0);
    // bulkLoadStepsLeft() counts what finishBulkLoadStep() then does, for the progress bar:
    // the derived columns, each deferred index, the full-text index.
    const steps = bulkLoadStepsLeft(db);
    expect(steps).toBe(1 + Number(deferredIndexes) + 1);
    for (let left = steps; left > 0;) {
      const next = finishBulkLoadStep(db).remaining;
      expect(next).toBe(left - 1);
      expect(bulkLoadStepsLeft(db)).toBe(next);
      left = next;
    }
    expect(finishBulkLoad(db)).toBe(false);
    expect(schema(db, 'index')).toEqual(indexes);
    expect(schema(db, 'trigger')).toEqual(triggers);
    expect(search()).toBe(2);
    db.exec(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}, rank) VALUES ('integrity-check', 1)`);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(isBulkLoading(db)).toBe(false);
    expect(finishBulkLoad(db)).toBe(false);
  });

  it('leaves the planner the statistics a whole-database ANALYZE would', () => {
    const { db } = openTestDatabase();
    beginBulkLoad(db);
    applyPage(db, [...respondentStory('u1', 'r1'), ...respondentStory('u2', 'r2'), ...respondentStory('u3', 'r3')]);
    finishBulkLoad(db);
    const statistics = () => db.prepare('SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx').all();
    const afterBootstrap = statistics();
    expect(afterBootstrap.length).toBeGreaterThan(20);
    db.exec('DELETE FROM sqlite_stat1');
    db.pragma('analysis_limit = 1000');
    db.exec('ANALYZE');
    expect(afterBootstrap).toEqual(statistics());
  });

  it('rebuilds the full-text index with a larger buffer and then gives FTS5 its default back', () => {
    const { db } = openTestDatabase();
    beginBulkLoad(db);
    applyPage(db, respondentStory('u1', 'r1'));
    finishBulkLoad(db);
    const configured = db.prepare(`SELECT v FROM ${FTS_TABLE}_config WHERE k = 'hashsize'`).pluck().get();
    expect(configured).toBe(1024 * 1024);
  });

  it('erases mid-bootstrap through the indexes it looks rows up by, built when the tombstone arrives', () => {
    const { db } = openTestDatabase();
    const indexes = schema(db, 'index');
    beginBulkLoad(db);
    applyPage(db, [...respondentStory('u1', 'r1'), ...respondentStory('u2', 'r2')]);
    applyPage(db, [{ kind: 'erasure', data: { end_user_id: 'u1', erased_at: new Date().toISOString() } }]);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('; ');
    for (const table of ['responses', 'followups', 'declines']) {
      expect(plan(`SELECT 1 FROM ${table} WHERE end_user_id = 'u1'`)).toMatch(/USING (COVERING )?INDEX/);
    }
    for (const table of ['responses', 'followups', 'respondents']) {
      const column = table === 'respondents' ? 'id' : 'end_user_id';
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = 'u1'`).pluck().get(), table).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = 'u2'`).pluck().get(), table).toBe(1);
    }
    expect(isBulkLoading(db)).toBe(true);
    finishBulkLoad(db);
    expect(schema(db, 'index')).toEqual(indexes);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('computes what the dropped insert triggers maintain, as they would have', () => {
    // Tags on both sides, a follow-up that arrives before its response, a story without a
    // contact, and a response left without a follow-up.
    const page = [
      ...respondentStory('u1', 'r1'),
      { kind: 'followup', data: followup('r2', 'u2', { tags: ['billing', 'vip'], status: 'waiting' }) },
      { kind: 'response', data: response('r2', 'u2', { tags: ['billing', 'late'] }) },
      { kind: 'response', data: response('r3', 'u2', { tags: ['other'] }) },
      ...respondentStory('u3', 'r4'),
    ];
    const derived = (db: Db) => ({
      responses: db
        .prepare(
          'SELECT id, status, assignee_id, priority, due_at, first_contact_at, done_at, last_contact_at FROM responses ORDER BY id',
        )
        .all(),
      tags: db.prepare('SELECT r.id, q.tag FROM queue_tags q JOIN responses r USING (rid) ORDER BY 1, 2').all(),
    });
    const { db: rowByRow } = openTestDatabase();
    applyPage(rowByRow, page);
    const { db: bulk } = openTestDatabase();
    const triggers = schema(bulk, 'trigger');
    beginBulkLoad(bulk);
    const during = bulk.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all();
    for (const name of DERIVED_INSERT_TRIGGERS) expect(during).not.toContain(name);
    applyPage(bulk, page);
    finishBulkLoad(bulk);
    expect(derived(bulk)).toEqual(derived(rowByRow));
    expect(derived(bulk).tags.length).toBeGreaterThan(3);
    expect(schema(bulk, 'trigger')).toEqual(triggers);
  });

  it('drops only insert triggers it knows how to recompute (a new one must be listed or kept)', () => {
    const { db } = openTestDatabase();
    const inserts = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('responses', 'followups', 'contact_log') " +
          "AND sql LIKE '%AFTER INSERT ON%' AND sql NOT LIKE '%responses_fts%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(inserts).toEqual([...DERIVED_INSERT_TRIGGERS].sort());
  });

  it('is not used when the cache already holds responses', () => {
    const { db } = openTestDatabase();
    applyPage(db, respondentStory('u1', 'r1'));
    expect(beginBulkLoad(db)).toBe(false);
    expect(isBulkLoading(db)).toBe(false);
  });
});

describe('bootstrap tuning', () => {
  it('bulk loads through a rollback journal with a larger cache, then returns to WAL', () => {
    const { db, file } = openTestDatabase();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    setBootstrapTuning(db, true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('truncate');
    expect(db.pragma('cache_size', { simple: true })).toBe(-BOOTSTRAP_CACHE_KIB);
    db.exec('CREATE TABLE filler (blob BLOB)');
    const insert = db.prepare('INSERT INTO filler VALUES (randomblob(4000))');
    for (let i = 0; i < 20; i += 1)
      db.transaction(() => {
        for (let j = 0; j < 75; j += 1) insert.run();
      })();
    // About 1,500 pages written straight into the database: none went through a WAL.
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(statSync(file).size).toBeGreaterThan(1500 * 4096);
    setBootstrapTuning(db, false);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(db.pragma('cache_size', { simple: true })).toBe(-2000);
    // Outside a bootstrap, turning it off again (every pull does) leaves the WAL to SQLite
    // and keeps the page cache a Team report raised.
    db.exec('INSERT INTO filler VALUES (randomblob(10))');
    ensureReportCache(db);
    setBootstrapTuning(db, false);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(db.pragma('cache_size', { simple: true })).toBe(-REPORT_CACHE_KIB);
    db.close();
  });
});
