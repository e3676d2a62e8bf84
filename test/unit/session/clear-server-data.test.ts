import { describe, expect, it } from 'vitest';
import { appendOutbox } from '../../../electron/core/db/writers/append-outbox.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { putSetting } from '../../../electron/core/db/writers/put-setting.js';
import {
  clearServerData,
  SERVER_BOUND_TABLES,
  TABLES_KEPT_ACROSS_SERVERS,
} from '../../../electron/core/session/clear-server-data.js';
import { DERIVED_TABLES, FTS_TABLE, MIRROR_TABLES } from '../../../electron/core/sync/store/reset-mirror.js';
import { dumpTables, openTestDatabase } from '../db/support/test-database.js';
import { respondentStory } from '../db/support/records.js';

describe('clearing the cache for another server', () => {
  it('decides for every table whether it is cleared or kept', () => {
    const { db } = openTestDatabase();
    const decided = new Set<string>([
      ...MIRROR_TABLES,
      ...DERIVED_TABLES,
      ...SERVER_BOUND_TABLES,
      ...TABLES_KEPT_ACROSS_SERVERS,
    ]);
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE ? AND name <> ?",
      )
      .pluck()
      .all(`${FTS_TABLE}%`, FTS_TABLE) as string[];
    expect(tables.filter((t) => !decided.has(t))).toEqual([]);
    db.close();
  });

  it('drops records, pending mutations and sync state, and keeps the user’s settings', () => {
    const { db } = openTestDatabase();
    applyChanges(db, respondentStory('eu_1', 'r_1'));
    appendOutbox(db, { name: 'unassign', args: { response_id: 'r_1' } }, Date.now());
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('cursor', '\"c\"')").run();
    putSetting(db, 'theme', 'dark', Date.now());
    const indexed = (): unknown =>
      db.prepare('SELECT count(*) FROM responses_fts WHERE responses_fts MATCH ?').pluck().get('comment');
    expect(indexed()).toBe(1);

    clearServerData(db);

    const dump = dumpTables(db);
    for (const [table, rows] of Object.entries(dump)) {
      if (table === 'settings') expect(rows).toHaveLength(1);
      else expect({ table, rows }).toEqual({ table, rows: [] });
    }
    expect(indexed()).toBe(0);
    db.close();
  });
});
