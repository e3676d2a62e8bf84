// Mutations the server refused, kept (the newest few) so that Settings → Sync problems can
// still say why after the toast is gone. The respondent's id is kept so an erasure can
// remove the entries about them.
import type { MutationRejected } from '../../../../common/ipc/channels/sync.js';
import type { Db } from '../../db/sqlite.js';
import { readSyncState, SYNC_KEYS, writeSyncState } from './sync-state.js';

export const KEPT_REJECTIONS = 50;

/** The 'mutation:rejected' event, plus the respondent (never sent to the renderer). */
export interface StoredRejection extends MutationRejected {
  readonly endUserId: string | null;
}

export function readRejections(db: Db): StoredRejection[] {
  const value = readSyncState(db, SYNC_KEYS.rejections);
  return Array.isArray(value) ? (value as StoredRejection[]) : [];
}

export function rememberRejections(db: Db, added: readonly StoredRejection[]): void {
  if (added.length === 0) return;
  writeSyncState(db, SYNC_KEYS.rejections, [...[...added].reverse(), ...readRejections(db)].slice(0, KEPT_REJECTIONS));
}

export function forgetRejectionsOf(db: Db, endUserId: string, responseIds: ReadonlySet<string>): void {
  const held = readRejections(db);
  const kept = held.filter((r) => r.endUserId !== endUserId && !responseIds.has(r.responseId));
  if (kept.length !== held.length) writeSyncState(db, SYNC_KEYS.rejections, kept);
}
