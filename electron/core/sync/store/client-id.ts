// Each install has its own client id for POST /v1/mutations, created with the first push and
// kept in the cache next to the outbox whose ids it qualifies (a reset keeps it too).
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/sqlite.js';
import { readSyncState, SYNC_KEYS, writeSyncState } from './sync-state.js';

export function ensureClientId(db: Db): string {
  const held = readSyncState(db, SYNC_KEYS.clientId);
  if (typeof held === 'string') return held;
  // 128 random bits in the alphabet MutationBatch.client_id allows.
  const clientId = randomBytes(16).toString('base64url');
  writeSyncState(db, SYNC_KEYS.clientId, clientId);
  return clientId;
}
