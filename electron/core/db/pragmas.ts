// Connection settings, applied only after the key has been checked (the journal_mode
// switch writes to the file, and a wrong key must leave it untouched).
import type { Db } from './sqlite.js';

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

export interface ConnectionPragmaOptions {
  readonly busyTimeoutMs?: number;
}

export function applyConnectionPragmas(db: Db, options: ConnectionPragmaOptions = {}): void {
  db.pragma('journal_mode = WAL');
  // Pulled pages can be pulled again, so losing the last commits to a power cut costs only a
  // re-download; user actions ask for FULL through runWithFullSync.
  db.pragma('synchronous = NORMAL');
  // Deleted rows (an erasure, a retention purge) are overwritten with zeros, not left in
  // free pages where a forensic read of the (decrypted) file would find them.
  db.pragma('secure_delete = ON');
  // Large sorts and temporary indexes stay in memory, never in temp files outside the
  // encrypted database.
  db.pragma('temp_store = MEMORY');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
  db.pragma('foreign_keys = ON');
}

/**
 * Runs fn in an IMMEDIATE transaction committed with synchronous=FULL, so that once it
 * returns the change survives a power cut: for the outbox and the follow-up writes a user
 * made, which cannot be pulled again. Must be the outermost transaction, since durability
 * is decided when the outermost transaction commits.
 */
export function runWithFullSync<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) {
    throw new Error('runWithFullSync must start the transaction: its commit decides durability');
  }
  const previous = Number(db.pragma('synchronous', { simple: true }));
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(fn).immediate();
  } finally {
    db.pragma(`synchronous = ${previous}`);
  }
}

export interface CheckpointResult {
  /** False when a reader kept the WAL from being emptied; the next checkpoint retries. */
  readonly truncated: boolean;
}

/**
 * Copies the WAL into the database and truncates it to zero bytes. After an erasure this
 * drops the WAL frames that still held the erased rows' old pages.
 */
export function checkpointTruncate(db: Db): CheckpointResult {
  const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as readonly { busy: number }[];
  return { truncated: row?.busy === 0 };
}
