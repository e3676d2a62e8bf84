// Main → renderer events. The renderer subscribes by name; payloads are validated on arrival.
import { z } from 'zod';
import { VaultStatus } from './channels/vault.js';
import { SessionStatus } from './channels/session.js';

export const SyncPhase = z.enum(['idle', 'bootstrap', 'pull', 'push', 'offline', 'error', 'signed_out']);
export type SyncPhase = z.infer<typeof SyncPhase>;

export const SyncStatus = z.strictObject({
  phase: SyncPhase,
  done: z.number().int().min(0),
  estimatedTotal: z.number().int().min(0).nullable(),
  lastSyncedAt: z.number().nullable(),
  pendingMutations: z.number().int().min(0),
  message: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const IPC_EVENTS = {
  'sync:status': SyncStatus,
  'vault:status': VaultStatus,
  'session:status': SessionStatus,
  /** The cache changed at a page boundary; views re-query what they show. */
  'data:changed': z.strictObject({ kinds: z.array(z.string()) }),
} as const;

export type EventName = keyof typeof IPC_EVENTS;
export type EventPayload<E extends EventName> = z.output<(typeof IPC_EVENTS)[E]>;
