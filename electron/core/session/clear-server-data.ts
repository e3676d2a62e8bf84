// Before the cache follows a different server (demo ↔ a real API, or another API), every row
// that came from the old one must go. The sync engine's reset already empties the mirror of
// the feed (records, derived tables, the full-text index); a change of server also drops
// what a reset keeps for the same server: pending mutations, which must never reach a server
// they were not written for, the client id and cursor, follow-up bases, and the erasure list.
// What the user set up on this install (settings, saved views) stays, and export records
// stay too: each names the server it is owed to.
import type { Db } from '../db/sqlite.js';
import { checkpointTruncate } from '../db/pragmas.js';
import { resetMirror } from '../sync/store/reset-mirror.js';

/** Beyond the mirror: what only a change of server clears. */
export const SERVER_BOUND_TABLES = ['outbox', 'sync_state', 'erasures'] as const;

/** Tables kept across a change of server. A test fails when a new table is in no list. */
export const TABLES_KEPT_ACROSS_SERVERS = ['settings', 'export_audit'] as const;

export function clearServerData(db: Db): void {
  db.transaction(() => {
    resetMirror(db);
    for (const table of SERVER_BOUND_TABLES) db.prepare(`DELETE FROM ${table}`).run();
  }).immediate();
  checkpointTruncate(db);
}
