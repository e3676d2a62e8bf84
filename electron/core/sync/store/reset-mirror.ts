// The reset reply (a cursor older than the tombstone horizon, or a rebuilt feed): every record
// the server sent is dropped and the feed is pulled again from the beginning. What the user
// did on this install survives: the outbox, the client id that numbers it, and the bases of
// the follow-ups it edits — whose server state is unknown until the new pull brings it.
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';
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

/** Tables the mirror's triggers keep in step (the queue's tag index), emptied with it. */
export const DERIVED_TABLES = ['queue_tags'] as const;

/** The full-text index over responses.text, emptied with its own command. */
export const FTS_TABLE = 'responses_fts';

interface TriggerDefinition {
  readonly name: string;
  readonly sql: string;
}

export function resetMirror(db: Db): void {
  db.transaction(() => {
    // Per-row triggers keep derived data in step one deletion at a time, which costs five
    // times the deletion itself; everything derived is emptied wholesale instead. DDL is
    // transactional: a crash leaves the triggers as they were.
    const triggers = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (${MIRROR_TABLES.map(() => '?').join(', ')})`,
      )
      .all(...MIRROR_TABLES) as TriggerDefinition[];
    for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name.replaceAll('"', '""')}"`);
    db.prepare(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}) VALUES ('delete-all')`).run();
    for (const table of [...MIRROR_TABLES, ...DERIVED_TABLES]) prepareCached(db, `DELETE FROM ${table}`).run();
    for (const trigger of triggers) db.exec(trigger.sql);
    deleteSyncState(db, SYNC_KEYS.cursor);
    deleteSyncState(db, SYNC_KEYS.lastSyncedAt);
    // Null, not the old state: a follow-up the new feed no longer has must not come back.
    for (const [followupId, base] of listBases(db)) writeBase(db, followupId, { ...base, server: null });
  }).immediate();
}
