// Sync's channels: run a sync now, read the current status and the problems sync met
// (Settings → Sync problems), and submit a follow-up mutation (applied optimistically, sent
// by the outbox; a later refusal by the server arrives as the 'mutation:rejected' event).
import { z } from 'zod';
import {
  MUTATION_ARGS,
  MUTATION_NAMES,
  REJECTION_CODES,
  type MutationArgs,
  type MutationName,
} from '../../api/mutations.js';
import { Id } from '../../api/primitives.js';
import { channel } from '../define.js';

export const SyncPhase = z.enum(['idle', 'bootstrap', 'pull', 'push', 'offline', 'error', 'signed_out']);
export type SyncPhase = z.infer<typeof SyncPhase>;

export const SyncStatus = z.strictObject({
  phase: SyncPhase,
  done: z.number().int().min(0),
  estimatedTotal: z.number().int().min(0).nullable(),
  lastSyncedAt: z.number().nullable(),
  pendingMutations: z.number().int().min(0),
  message: z.string().nullable(),
  /** When the next attempt is due after a failure (epoch ms), for "retrying in 20 s". */
  nextRetryAt: z.number().nullable().optional(),
  /**
   * After a bootstrap's last page: the search and sort indexes built so far, of all. At a
   * million responses this takes about as long as the download, so it has its own bar.
   */
  indexing: z
    .strictObject({ done: z.number().int().min(0), total: z.number().int().min(1) })
    .nullable()
    .optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A mutation as the renderer submits it; the outbox gives it its id. */
export type MutationRequest = {
  [N in MutationName]: { readonly name: N; readonly args: MutationArgs<N> };
}[MutationName];
type MutationRequestInput = {
  [N in MutationName]: { readonly name: N; readonly args: z.input<(typeof MUTATION_ARGS)[N]> };
}[MutationName];

/** {name, args} with args checked against that mutation's schema (MUTATION_ARGS). */
export const MutationRequest = z.discriminatedUnion(
  'name',
  MUTATION_NAMES.map((name) => z.strictObject({ name: z.literal(name), args: MUTATION_ARGS[name] })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
) as unknown as z.ZodType<MutationRequest, MutationRequestInput>;

export const QuarantinedRecord = z.strictObject({
  id: z.number().int(),
  kind: z.string().nullable(),
  recordId: z.string().nullable(),
  reason: z.string(),
  quarantinedAt: z.number(),
});
export type QuarantinedRecord = z.infer<typeof QuarantinedRecord>;

/** A mutation the server refused; its optimistic effect has been rolled back. */
export const MutationRejected = z.strictObject({
  mutationId: z.number().int(),
  name: z.enum(MUTATION_NAMES as unknown as [MutationName, ...MutationName[]]),
  responseId: Id,
  code: z.enum(REJECTION_CODES),
  /** The server's sentence, shown as is. */
  reason: z.string(),
  rejectedAt: z.number(),
});
export type MutationRejected = z.infer<typeof MutationRejected>;

export const SyncProblems = z.strictObject({
  /** Newest first. */
  quarantined: z.array(QuarantinedRecord),
  quarantinedTotal: z.number().int().min(0),
  /** Newest first (the latest 50). */
  rejected: z.array(MutationRejected),
});
export type SyncProblems = z.infer<typeof SyncProblems>;

export const SYNC_CHANNELS = {
  /** Starts a sync at once (the "Sync now" and "Retry" buttons); answers with the status. */
  'sync:now': channel(z.strictObject({}), SyncStatus),
  'sync:status': channel(z.strictObject({}), SyncStatus),
  'sync:problems': channel(z.strictObject({ limit: z.number().int().min(1).max(1000).default(200) }), SyncProblems),
  'mutations:submit': channel(MutationRequest, z.strictObject({ mutationId: z.number().int().min(1) })),
} as const;
