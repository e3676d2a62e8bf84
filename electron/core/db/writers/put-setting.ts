import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

/** Stores a JSON value under key (null deletes it). Settings are the user's: synchronous=FULL. */
export function putSetting(db: Db, key: string, value: unknown, atMs: number): void {
  if (value === null) {
    prepareCached(db, 'DELETE FROM settings WHERE key = ?').run(key);
    return;
  }
  prepareCached(
    db,
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), atMs);
}
