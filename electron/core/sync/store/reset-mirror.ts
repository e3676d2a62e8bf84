// The reset reply (a cursor older than the tombstone horizon, or a rebuilt feed): every record
// the server sent is dropped and the feed is pulled again from the beginning. What the user
// did on this install survives: the outbox, the client id that numbers it, and the bases of
// the follow-ups it edits — whose server state is unknown until the new pull brings it.
import type { Db } from '../../db/sqlite.js';
import { prepareCached } from '../../db/statement-cache.js';
import { listBases, writeBase } from './followup-base.js';
import { deleteSyncState, SYNC_KEYS } from './sync-state.js';

/**
 * The tables that mirror the server's feed. The erasures table is not among them: it holds
 * only identifiers, and keeps a replayed old page from bringing an erased respondent back.
 */
export const MIRROR_TABLES = [
  'respondents',
  'responses',
  'declines',
  'followups',
  'followup_events',
  'contact_log',
  'notes',
  'staff',
  'root_cause_tags',
  'quarantine',
] as const;

export function resetMirror(db: Db): void {
  db.transaction(() => {
    for (const table of MIRROR_TABLES) prepareCached(db, `DELETE FROM ${table}`).run();
    deleteSyncState(db, SYNC_KEYS.cursor);
    deleteSyncState(db, SYNC_KEYS.lastSyncedAt);
    // Null, not the old state: a follow-up the new feed no longer has must not come back.
    for (const [followupId, base] of listBases(db)) writeBase(db, followupId, { ...base, server: null });
  }).immediate();
}
