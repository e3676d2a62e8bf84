// A browser-mode profile holding a copy of the benchmark cache: the key wrapped with the e2e
// passphrase (the host unlocks it by itself with LOOPDESK_PASSPHRASE) and the connection set
// to an API that does not answer, so that demo mode does not replace the million benchmark
// responses with its own data set. Sync then stays offline; the queue reads the cache.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/open-database.js';
import { ensurePrivateFile } from '../../../electron/core/db/private-files.js';
import { CONNECTION_SETTING_KEY } from '../../../electron/core/session/connection-config.js';
import { writeKeyFile } from '../../../electron/core/vault/key-file.js';
import { DEFAULT_SCRYPT, PassphraseKeyStore } from '../../../electron/core/vault/passphrase-key-store.js';
import { DATABASE_FILE_NAME, KEY_FILE_NAME } from '../../../electron/core/vault/vault.js';
import { E2E_PASSPHRASE } from '../../e2e/support/browser-mode.js';
import { SYNTHETIC_ME } from './synthetic-feedback.js';

/** Nothing listens on the discard port: every pull fails fast and sync reports offline. */
const SILENT_API = 'http://127.0.0.1:9';

/**
 * Makes `profileDir` a profile whose cache is a copy of `file` (encrypted with `key`). The key
 * is wrapped with the app's own KDF, so unlocking costs what it costs a user.
 */
export async function installBenchProfile(profileDir: string, file: string, key: Buffer): Promise<void> {
  const store = new PassphraseKeyStore(E2E_PASSPHRASE, { scrypt: DEFAULT_SCRYPT });
  writeKeyFile(path.join(profileDir, KEY_FILE_NAME), await store.wrap(Buffer.from(key)));
  const target = path.join(profileDir, DATABASE_FILE_NAME);
  ensurePrivateFile(target);
  copyFileSync(file, target);
  const db = openDatabase({ file: target, key });
  try {
    db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ).run(
      CONNECTION_SETTING_KEY,
      JSON.stringify({
        kind: 'api',
        baseUrl: SILENT_API,
        token: 'benchmark',
        me: { id: SYNTHETIC_ME.id, name: SYNTHETIC_ME.name, role: SYNTHETIC_ME.role },
      }),
      Date.now(),
    );
  } finally {
    db.close();
  }
}
