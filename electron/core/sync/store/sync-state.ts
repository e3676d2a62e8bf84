// Sync's bookkeeping in the sync_state table (key → JSON). One module names every key, so
// that the worker's operations, the reset and the erasure purge agree on what is stored.
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';

export const SYNC_KEYS = {
  /** The feed cursor after the last applied page; absent before the first page. */
  cursor: 'cursor',
  /** This install's id for POST /v1/mutations; created once, never changed by a reset. */
  clientId: 'client_id',
  /** GET /v1/me: the signed-in staff record (the queue reads it). */
  me: 'me',
  /** Epoch ms of the last pull that reached the end of the feed. */
  lastSyncedAt: 'last_synced_at',
  /** Indexes dropped for a bulk bootstrap, recreated when it completes (bulk-load.ts). */
  deferredIndexes: 'deferred_indexes',
  /** The latest mutations the server refused, newest first, for Settings → Sync problems. */
  rejections: 'rejections',
  /** GET /v1/sla-policy: the team's SLA policy as last fetched (team-policy.ts). */
  slaPolicy: 'sla_policy',
} as const;

/** The server's state of a follow-up that has unsent or unconfirmed local edits (rebase.ts). */
export const FOLLOWUP_BASE_PREFIX = 'followup_base:';

export function followupBaseKey(followupId: string): string {
  return `${FOLLOWUP_BASE_PREFIX}${followupId}`;
}

export function readSyncState(db: Db, key: string): unknown {
  const raw = prepareCached(db, 'SELECT value FROM sync_state WHERE key = ?', 'pluck').get(key) as string | undefined;
  return raw === undefined ? undefined : (JSON.parse(raw) as unknown);
}

export function writeSyncState(db: Db, key: string, value: unknown): void {
  prepareCached(
    db,
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function deleteSyncState(db: Db, key: string): void {
  prepareCached(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
}

export function readCursor(db: Db): string | null {
  const cursor = readSyncState(db, SYNC_KEYS.cursor);
  return typeof cursor === 'string' ? cursor : null;
}
