// The last state the server sent of a follow-up that has local edits not yet confirmed by a
// pull (null: the server has no follow-up yet; the first mutation creates it). Kept from the
// first local edit until the outbox holds nothing more for the follow-up, so that a pulled
// version or a rejection can be followed by an exact re-application of the remaining edits.
import type { Followup } from '../../../../common/api/records.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';
import { deleteSyncState, FOLLOWUP_BASE_PREFIX, followupBaseKey, readSyncState, writeSyncState } from './sync-state.js';

export interface FollowupBase {
  readonly response_id: string;
  /** So that an erasure finds it even when the response is not in the cache. */
  readonly end_user_id: string;
  readonly server: Followup | null;
}

export function readBase(db: Db, followupId: string): FollowupBase | null {
  return (readSyncState(db, followupBaseKey(followupId)) as FollowupBase | undefined) ?? null;
}

export function writeBase(db: Db, followupId: string, base: FollowupBase): void {
  writeSyncState(db, followupBaseKey(followupId), base);
}

export function deleteBase(db: Db, followupId: string): void {
  deleteSyncState(db, followupBaseKey(followupId));
}

/** Every base by follow-up id. Few: only follow-ups with unconfirmed local edits have one. */
export function listBases(db: Db): Map<string, FollowupBase> {
  const rows = prepareCached(db, 'SELECT key, value FROM sync_state WHERE key >= ? AND key < ?').all(
    FOLLOWUP_BASE_PREFIX,
    `${FOLLOWUP_BASE_PREFIX}\uffff`,
  ) as { key: string; value: string }[];
  return new Map(rows.map((r) => [r.key.slice(FOLLOWUP_BASE_PREFIX.length), JSON.parse(r.value) as FollowupBase]));
}
