// Opens the server's SQLite database and brings its schema up to date. The reference server
// does not encrypt its file (DESIGN.md encrypts only the client's cache).
import Database from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type Db = Database.Database;

/** null or ':memory:' opens a private in-memory database. */
export function openDatabase(file: string | null): Db {
  const db = new Database(file ?? ':memory:');
  if (file !== null && file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // Losing the last transactions on power loss is acceptable for a reference server;
    // WAL + NORMAL never corrupts.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  // 256 MiB at most: page cache is what keeps a million-response feed and its indexes fast.
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  migrate(db, MIGRATIONS);
  return db;
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    db.close();
    throw new Error(
      `The database schema is version ${current}, newer than this server (${migrations.length}); refusing to open it.`,
    );
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
