// Main → renderer events. The renderer subscribes by name; payloads are validated on arrival.
import { z } from 'zod';
import { VaultStatus } from './channels/vault.js';
import { SessionStatus } from './channels/session.js';
import { MutationRejected, SyncPhase, SyncStatus } from './channels/sync.js';
import { FollowupNotice } from './channels/followups.js';

// Defined with sync's channels; re-exported where the renderer has always found them.
export { SyncPhase, SyncStatus };

export const IPC_EVENTS = {
  'sync:status': SyncStatus,
  'vault:status': VaultStatus,
  'session:status': SessionStatus,
  /** The cache changed at a page boundary; views re-query what they show. */
  'data:changed': z.strictObject({ kinds: z.array(z.string()) }),
  /** The server refused a mutation; its optimistic effect has been rolled back. */
  'mutation:rejected': MutationRejected,
  /** Assigned to me, mine overdue, a colleague's change won over mine: a toast (and maybe a desktop notification). */
  'followups:notice': FollowupNotice,
} as const;

export type EventName = keyof typeof IPC_EVENTS;
export type EventPayload<E extends EventName> = z.output<(typeof IPC_EVENTS)[E]>;
