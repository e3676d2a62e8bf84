// A browser-mode profile whose encrypted cache already holds data, prepared before the host
// starts: the cache is written through the db writers (as sync would) and its key wrapped
// with the e2e passphrase, so the host unlocks it by itself (LOOPDESK_PASSPHRASE).
// Stands in for demo mode + sync until they deliver the demo data set into the app.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newDatabaseKey } from '../../../electron/core/db/database-key.js';
import { openDatabase } from '../../../electron/core/db/open-database.js';
import { ensurePrivateFile } from '../../../electron/core/db/private-files.js';
import { writeKeyFile } from '../../../electron/core/vault/key-file.js';
import { PassphraseKeyStore, TEST_ONLY_WEAK_SCRYPT } from '../../../electron/core/vault/passphrase-key-store.js';
import { DATABASE_FILE_NAME, KEY_FILE_NAME } from '../../../electron/core/vault/vault.js';
import { fillDatabase } from '../../bench/support/bench-database.js';
import { E2E_PASSPHRASE } from './browser-mode.js';

/** Makes `profileDir` a profile whose cache is a copy of `file` (encrypted with `key`). */
export async function installCache(profileDir: string, file: string, key: Uint8Array): Promise<void> {
  const store = new PassphraseKeyStore(E2E_PASSPHRASE, { scrypt: TEST_ONLY_WEAK_SCRYPT });
  writeKeyFile(path.join(profileDir, KEY_FILE_NAME), await store.wrap(Buffer.from(key)));
  const target = path.join(profileDir, DATABASE_FILE_NAME);
  ensurePrivateFile(target);
  copyFileSync(file, target);
}

export interface SeedOptions {
  readonly responses: number;
  readonly seed?: number;
  /** The data ends just before this instant; the current time by default, so "today" has rows. */
  readonly now?: number;
}

/** A fresh profile folder with `responses` synthetic responses and their follow-ups. */
export async function seededProfile(options: SeedOptions): Promise<string> {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-e2e-seeded-'));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-e2e-cache-'));
  const file = path.join(scratch, 'cache.db');
  const key = newDatabaseKey();
  try {
    const db = openDatabase({ file, key });
    try {
      fillDatabase(db, {
        seed: options.seed ?? 1,
        responses: options.responses,
        now: options.now ?? Date.now(),
        spanDays: 120,
      });
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    await installCache(profileDir, file, key);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return profileDir;
}
