import { chmodSync, copyFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { newDatabaseKey } from '../../../electron/core/db/database-key.js';
import { DatabaseOpenError } from '../../../electron/core/db/errors.js';
import { openDatabase } from '../../../electron/core/db/open-database.js';
import { runWithFullSync } from '../../../electron/core/db/pragmas.js';
import { appendOutbox } from '../../../electron/core/db/writers/append-outbox.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { fileMode, hashFolder } from './support/files.js';
import { respondentStory } from './support/records.js';
import { tempDir } from './support/temp-dirs.js';
import { openTestDatabase } from './support/test-database.js';

function openError(run: () => unknown): DatabaseOpenError {
  try {
    run();
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
  throw new Error('expected a DatabaseOpenError');
}

describe('openDatabase', () => {
  it('reopens with the same key and keeps the data', () => {
    const { db, file, key } = openTestDatabase();
    applyChanges(db, respondentStory('u1', 'r1'));
    db.close();
    const again = openDatabase({ file, key });
    expect(again.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(1);
    again.close();
  });

  it('refuses a wrong key with a typed error and leaves the files byte-for-byte untouched', () => {
    const { db, dir, file } = openTestDatabase();
    applyChanges(db, respondentStory('u1', 'r1'));
    db.close();
    const before = hashFolder(dir);

    const error = openError(() => openDatabase({ file, key: newDatabaseKey() }));

    expect(error.code).toBe('wrong_key');
    expect(error.message).toMatch(/could not be unlocked.*key does not match/);
    expect(error.message).not.toMatch(/SQLITE|file is not a database/);
    expect(hashFolder(dir)).toEqual(before);
  });

  it('leaves a crash-leftover WAL untouched when the key is wrong', () => {
    const { db, file } = openTestDatabase();
    applyChanges(db, respondentStory('u1', 'r1'));
    // Copying the files of an open connection is what a crash leaves on disk: the last
    // commits exist only in the -wal file.
    const crashDir = tempDir();
    const crashed = path.join(crashDir, 'loopdesk.db');
    copyFileSync(file, crashed);
    copyFileSync(`${file}-wal`, `${crashed}-wal`);
    db.close();
    const before = hashFolder(crashDir);
    expect(Object.keys(before)).toEqual(['loopdesk.db', 'loopdesk.db-wal']);

    expect(openError(() => openDatabase({ file: crashed, key: newDatabaseKey() })).code).toBe('wrong_key');
    expect(hashFolder(crashDir)).toEqual(before);
  });

  it('recovers the commits of a crash-leftover WAL with the right key', () => {
    const { db, file, key } = openTestDatabase();
    applyChanges(db, respondentStory('u1', 'r1'));
    const crashed = path.join(tempDir(), 'loopdesk.db');
    copyFileSync(file, crashed);
    copyFileSync(`${file}-wal`, `${crashed}-wal`);
    db.close();
    const recovered = openDatabase({ file: crashed, key });
    expect(recovered.prepare('SELECT id FROM responses').pluck().all()).toEqual(['r1']);
    recovered.close();
  });

  it('refuses an unencrypted SQLite file in place of the cache', () => {
    const dir = tempDir();
    const file = path.join(dir, 'loopdesk.db');
    const plain = new Database(file);
    plain.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    plain.close();
    const before = hashFolder(dir);
    const error = openError(() => openDatabase({ file, key: newDatabaseKey() }));
    expect(error.code).toBe('not_encrypted');
    expect(hashFolder(dir)).toEqual(before);
  });

  it('refuses random bytes as a wrong key (SQLCipher cannot tell them apart)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'loopdesk.db');
    writeFileSync(file, Buffer.alloc(8192, 7));
    expect(openError(() => openDatabase({ file, key: newDatabaseKey() })).code).toBe('wrong_key');
  });

  it('creates the database 0600, and SQLite gives its -wal and -shm the same mode', () => {
    const { db, file } = openTestDatabase();
    applyChanges(db, respondentStory('u1', 'r1'));
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(fileMode(file)).toBe(0o600);
    expect(fileMode(`${file}-wal`)).toBe(0o600);
    expect(fileMode(`${file}-shm`)).toBe(0o600);
    db.close();
  });

  it('tightens the mode of an existing database file that arrived world-readable', () => {
    const { db, file, key } = openTestDatabase();
    db.close();
    chmodSync(file, 0o644);
    openDatabase({ file, key }).close();
    expect(fileMode(file)).toBe(0o600);
  });

  it('sets the connection pragmas of DESIGN.md', () => {
    const { db } = openTestDatabase();
    const pragma = (name: string): unknown => db.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(1); // NORMAL
    expect(pragma('secure_delete')).toBe(1);
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('temp_store')).toBe(2); // MEMORY
    expect(pragma('busy_timeout')).toBe(5000);
    expect(pragma('cipher')).toBe('sqlcipher');
    db.close();
  });

  it('commits with synchronous=FULL inside runWithFullSync and restores NORMAL after', () => {
    const { db } = openTestDatabase();
    const seen = runWithFullSync(db, () => {
      appendOutbox(db, { name: 'unassign', args: { response_id: 'r1' } }, Date.now());
      return db.pragma('synchronous', { simple: true });
    });
    expect(seen).toBe(2); // FULL
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(() => db.transaction(() => runWithFullSync(db, () => 0))()).toThrow(/must start the transaction/);
    db.close();
  });
});
