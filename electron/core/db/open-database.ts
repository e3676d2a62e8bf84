// Opens the profile's encrypted cache. The order matters: key, prove the key by reading,
// refuse a newer schema, and only then write anything (WAL switch, migrations). A wrong key
// or a newer profile therefore leaves every byte of the files as it found them.
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { DatabaseError, DatabaseOpenError, ioErrorMessage, OPEN_ERROR_MESSAGES } from './errors.js';
import { isDatabaseKey, rawKeyLiteral } from './database-key.js';
import { assertSchemaNotNewer, runMigrations } from './migrate.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { applyConnectionPragmas, type ConnectionPragmaOptions } from './pragmas.js';
import { ensurePrivateFile } from './private-files.js';
import { isSqliteIoError } from './sqlite-errors.js';
import { createConnection, SqliteError, type Db } from './sqlite.js';

export interface OpenDatabaseOptions extends ConnectionPragmaOptions {
  /** The database file; created empty with mode 0600 when missing. */
  readonly file: string;
  /** The raw 32-byte key. Not kept: the caller may wipe it once this returns. */
  readonly key: Uint8Array;
  /** The app's migrations by default; tests pass their own. */
  readonly migrations?: readonly Migration[];
}

export function openDatabase(options: OpenDatabaseOptions): Db {
  if (!isDatabaseKey(options.key)) throw new Error('The database key must be 32 bytes');
  const migrations = options.migrations ?? MIGRATIONS;
  const shm = `${options.file}-shm`;
  const shmExisted = existsSync(shm);
  let db: Db;
  try {
    ensurePrivateFile(options.file);
    db = createConnection(options.file);
  } catch (error) {
    throw toOpenError(error, options.file);
  }
  try {
    keyConnection(db, options.key);
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    assertSchemaNotNewer(db, migrations);
    applyConnectionPragmas(db, options);
    runMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    // With a -wal left by a crash, SQLite builds a -shm index before it can tell that the
    // key is wrong. That index holds no data and is rebuilt on the next open; removing the
    // one this attempt created leaves the profile exactly as it was.
    if (!shmExisted) rmSync(shm, { force: true });
    throw toOpenError(error, options.file);
  }
}

function keyConnection(db: Db, key: Uint8Array): void {
  // SQLCipher 4's on-disk format, so the file can be inspected with the sqlcipher tool.
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  // Same as PRAGMA key = "x'…'", without the key ever becoming an unwipeable string.
  const literal = rawKeyLiteral(key);
  try {
    db.key(literal);
  } finally {
    literal.fill(0);
  }
}

function toOpenError(error: unknown, file: string): unknown {
  if (error instanceof DatabaseError) return error;
  if (!(error instanceof SqliteError)) {
    const errno = (error as NodeJS.ErrnoException | null)?.code;
    return typeof errno === 'string' ? new DatabaseOpenError('io', ioErrorMessage(errno), { cause: error }) : error;
  }
  if (error.code === 'SQLITE_NOTADB') {
    // SQLCipher cannot tell a wrong key from random bytes; a plaintext SQLite header it can.
    return startsWithPlaintextHeader(file)
      ? new DatabaseOpenError('not_encrypted', OPEN_ERROR_MESSAGES.not_encrypted)
      : new DatabaseOpenError('wrong_key', OPEN_ERROR_MESSAGES.wrong_key);
  }
  if (error.code.startsWith('SQLITE_CORRUPT')) {
    return new DatabaseOpenError('corrupt', OPEN_ERROR_MESSAGES.corrupt, { cause: error });
  }
  if (isSqliteIoError(error.code) || error.code === 'SQLITE_FULL') {
    return new DatabaseOpenError('io', ioErrorMessage(error.code), { cause: error });
  }
  return error;
}

const PLAINTEXT_SQLITE_HEADER = 'SQLite format 3\0';

function startsWithPlaintextHeader(file: string): boolean {
  const header = Buffer.alloc(PLAINTEXT_SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1') === PLAINTEXT_SQLITE_HEADER;
}
