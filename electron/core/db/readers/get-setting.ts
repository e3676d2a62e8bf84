import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

/** The JSON value stored under key, parsed; null when absent. The caller validates it. */
export function getSetting(db: Db, key: string): unknown {
  const row = prepareCached(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row === undefined ? null : (JSON.parse(row.value) as unknown);
}
