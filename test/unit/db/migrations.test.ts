import { describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../../electron/core/db/errors.js';
import { readSchemaVersion } from '../../../electron/core/db/migrate.js';
import { MIGRATIONS, type Migration } from '../../../electron/core/db/migrations/index.js';
import { openDatabase } from '../../../electron/core/db/open-database.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { hashFolder } from './support/files.js';
import { openTestDatabase } from './support/test-database.js';

const schemaOf = (db: Db): unknown => db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('migrations', () => {
  it('brings a new database to the latest version', () => {
    const { db } = openTestDatabase();
    expect(readSchemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('leaves out the responses indexes that later queries made redundant (0004, 0005)', () => {
    const { db } = openTestDatabase();
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
    expect(indexes).toContain('responses_q_assignee');
    expect(indexes).not.toContain('responses_assignee_created');
    expect(indexes).not.toContain('responses_metric_score_created');
    db.close();
  });

  it('does not run a migration twice', () => {
    let runs = 0;
    const counting: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'counting',
      up: () => {
        runs += 1;
      },
    };
    const { db, file, key } = openTestDatabase({ migrations: [...MIGRATIONS, counting] });
    db.close();
    openDatabase({ file, key, migrations: [...MIGRATIONS, counting] }).close();
    expect(runs).toBe(1);
  });

  it('runs pending steps in one transaction: a failing step leaves version and schema unchanged', () => {
    const { db, file, key } = openTestDatabase();
    const before = schemaOf(db);
    db.close();
    const next = MIGRATIONS.length + 1;
    const migrations: Migration[] = [
      ...MIGRATIONS,
      { version: next, name: 'adds a table', up: (d) => d.exec('CREATE TABLE added_by_step (x)') },
      { version: next + 1, name: 'breaks', up: (d) => d.exec('ALTER TABLE no_such_table ADD COLUMN y') },
    ];

    const error = caught(() => openDatabase({ file, key, migrations }));

    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('migration_failed');
    expect((error as DatabaseOpenError).message).toMatch(`step ${next + 1}, breaks`);
    const after = openDatabase({ file, key });
    expect(readSchemaVersion(after)).toBe(MIGRATIONS.length);
    expect(schemaOf(after)).toEqual(before);
    after.close();
  });

  it('refuses a profile written by a newer Loopdesk, with a clear message, without touching it', () => {
    const { db, dir, file, key } = openTestDatabase();
    db.pragma(`user_version = ${MIGRATIONS.length + 3}`);
    db.close();
    const before = hashFolder(dir);

    const error = caught(() => openDatabase({ file, key }));

    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).code).toBe('newer_schema');
    expect((error as DatabaseOpenError).message).toMatch(/^This profile was written by a newer Loopdesk/);
    expect((error as DatabaseOpenError).message).toMatch(/Update Loopdesk/);
    expect(hashFolder(dir)).toEqual(before);
  });

  it('lists migrations numbered 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
