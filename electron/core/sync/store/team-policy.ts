// The team's SLA policy, held by the server (GET /v1/sla-policy) and kept here as last
// fetched, so that offline the optimistic copy of a newborn follow-up and the Settings
// editor still use it. It lives in sync_state: it belongs to the server it came from, so a
// change of server clears it (clear-server-data.ts) and the default applies until the new
// server's is fetched; a feed reset keeps it (same server).
import { SlaPolicyReply } from '../../../../common/api/sla-policy.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../../common/domain/sla.js';
import type { Db } from '../../db/sqlite.js';
import { readSyncState, SYNC_KEYS, writeSyncState } from './sync-state.js';

const UNSET: SlaPolicyReply = { policy: DEFAULT_SLA_POLICY, updated_at: null, updated_by: null };

/** The server's answer as last stored, or null before the first fetch (or an unreadable value). */
export function readTeamPolicy(db: Db): SlaPolicyReply | null {
  const parsed = SlaPolicyReply.safeParse(readSyncState(db, SYNC_KEYS.slaPolicy));
  return parsed.success ? parsed.data : null;
}

/** The policy a follow-up born on this install gets: the team's, or the default until fetched. */
export function teamSlaPolicy(db: Db): SlaPolicy {
  return readTeamPolicy(db)?.policy ?? DEFAULT_SLA_POLICY;
}

/**
 * Stores a fetched policy when it differs from the one held. `changed` is about the policy
 * in effect (the default counts as held before the first fetch), so that a fresh install
 * learning that its server keeps the default does not make every view re-query.
 */
export function recordTeamPolicy(db: Db, reply: SlaPolicyReply): { readonly changed: boolean } {
  const held = readTeamPolicy(db);
  const text = JSON.stringify(reply);
  if (held !== null && JSON.stringify(held) === text) return { changed: false };
  writeSyncState(db, SYNC_KEYS.slaPolicy, reply);
  return { changed: JSON.stringify(held ?? UNSET) !== text };
}
