import path from 'node:path';
import { newDatabaseKey } from '../../../../electron/core/db/database-key.js';
import { openDatabase, type OpenDatabaseOptions } from '../../../../electron/core/db/open-database.js';
import type { Db } from '../../../../electron/core/db/sqlite.js';
import { tempDir } from './temp-dirs.js';

export interface TestDatabase {
  readonly db: Db;
  readonly dir: string;
  readonly file: string;
  readonly key: Buffer;
}

/** A freshly migrated encrypted database in its own temporary folder. */
export function openTestDatabase(options: Partial<OpenDatabaseOptions> = {}): TestDatabase {
  const dir = tempDir();
  const file = path.join(dir, 'loopdesk.db');
  const key = newDatabaseKey();
  const db = openDatabase({ file, key, ...options });
  return { db, dir, file, key };
}

/**
 * The logical state: every row of every ordinary table, and each full-text index as its
 * (term, document, column, offset) instances. The FTS shadow tables themselves are left
 * out, since their b-tree segments legitimately differ between two histories that index
 * the same text.
 */
export function dumpTables(db: Db): Readonly<Record<string, unknown[]>> {
  const names = (sql: string): string[] => db.prepare(sql).pluck().all() as string[];
  const ftsTables = names("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'");
  const tables = names(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' " +
      "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
  ).filter((table) => !ftsTables.some((fts) => table.startsWith(`${fts}_`)));
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all();
  for (const fts of ftsTables) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."${fts}_instances" USING fts5vocab(main, "${fts}", 'instance')`);
    dump[`${fts} (index)`] = db.prepare(`SELECT * FROM temp."${fts}_instances" ORDER BY term, doc, col, offset`).all();
  }
  return dump;
}
