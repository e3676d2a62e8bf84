// Before the cache follows a different server (demo ↔ a real API, or another API), every row
// that came from the old one must go — records, the audit trail, the cursor and identity,
// and pending mutations, which must never reach a server they were not written for. What the
// user set up on this install (settings, saved views) stays.
import type { Db } from '../sqlite.js';
import { checkpointTruncate } from '../pragmas.js';

/** Tables kept across a change of server. A test fails when a new table is in neither list. */
export const TABLES_KEPT_ACROSS_SERVERS: readonly string[] = ['settings', 'saved_views'];

export const TABLES_CLEARED_FOR_NEW_SERVER: readonly string[] = [
  'respondents',
  'responses',
  'declines',
  'followups',
  'followup_events',
  'contact_log',
  'notes',
  'staff',
  'root_cause_tags',
  'outbox',
  'sync_state',
  'quarantine',
  'erasures',
];

export function clearServerData(db: Db): void {
  db.transaction(() => {
    for (const table of TABLES_CLEARED_FOR_NEW_SERVER) db.prepare(`DELETE FROM ${table}`).run();
    // The external-content FTS index follows responses through its delete trigger; a rebuild
    // makes sure nothing of the old server's comments is left in its shadow tables.
    db.prepare("INSERT INTO responses_fts (responses_fts) VALUES ('rebuild')").run();
  })();
  checkpointTruncate(db);
}
