// POST /v1/mutations — the push half of sync (DESIGN.md "Sync" → Push). Every mutation
// targets the follow-up of one response; the server creates that follow-up on first use,
// so two offline clients never race to create it.
import { z } from 'zod';
import { FOLLOWUP_STATUSES, PRIORITIES } from '../domain/followup-status.js';
import { ContactEntry } from './records.js';
import { FreeText, Id, Instant, LanguageCode } from './primitives.js';

const Tag = z.string().trim().min(1).max(64);

export const MUTATION_ARGS = {
  assign: z.strictObject({ response_id: Id, assignee_id: Id }),
  unassign: z.strictObject({ response_id: Id }),
  set_due: z.strictObject({ response_id: Id, due_at: Instant.nullable() }),
  set_priority: z.strictObject({ response_id: Id, priority: z.enum(PRIORITIES) }),
  set_status: z.strictObject({
    response_id: Id,
    status: z.enum(FOLLOWUP_STATUSES),
    reason: FreeText(2000).nullable().default(null),
  }),
  log_contact: ContactEntry.extend({ response_id: Id, contact_id: Id }),
  add_note: z.strictObject({ response_id: Id, note_id: Id, text: FreeText(10_000).min(1) }),
  edit_note: z.strictObject({ response_id: Id, note_id: Id, text: FreeText(10_000).min(1) }),
  set_tags: z.strictObject({ response_id: Id, tags: z.array(Tag).max(50) }),
  mark_done: z.strictObject({
    response_id: Id,
    action_summary: FreeText(4000).min(1),
    root_causes: z.array(Tag).min(1).max(20),
    /** When present, the server sends this message to the respondent and marks informed. */
    inform: z
      .strictObject({ message: FreeText(4000).min(1), language: LanguageCode.nullable() })
      .nullable()
      .default(null),
  }),
  mark_informed: z.strictObject({
    response_id: Id,
    how: z.enum(['message', 'direct']),
    message: FreeText(4000).nullable().default(null),
    language: LanguageCode.nullable().default(null),
  }),
} as const;

export type MutationName = keyof typeof MUTATION_ARGS;
export const MUTATION_NAMES = Object.keys(MUTATION_ARGS) as readonly MutationName[];
export type MutationArgs<N extends MutationName> = z.output<(typeof MUTATION_ARGS)[N]>;

/** A mutation as it travels, typed by name. */
export const Mutation = z.discriminatedUnion(
  'name',
  MUTATION_NAMES.map((name) =>
    z.strictObject({
      id: z.number().int().min(1),
      name: z.literal(name),
      args: MUTATION_ARGS[name],
    }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);
export type Mutation = {
  [N in MutationName]: { readonly id: number; readonly name: N; readonly args: MutationArgs<N> };
}[MutationName];

export const MutationBatch = z.strictObject({
  client_id: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  mutations: z.array(z.unknown()).min(1).max(500),
});
export type MutationBatch = z.infer<typeof MutationBatch>;

export const REJECTION_CODES = [
  'invalid_args',
  'not_found',
  'invalid_transition',
  'not_contactable',
  'forbidden',
  'conflict',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const MutationResult = z.discriminatedUnion('status', [
  z.strictObject({ id: z.number().int(), status: z.literal('applied') }),
  /** Seen before with the same payload: nothing applied twice. */
  z.strictObject({ id: z.number().int(), status: z.literal('duplicate') }),
  z.strictObject({
    id: z.number().int(),
    status: z.literal('rejected'),
    code: z.enum(REJECTION_CODES),
    /** A sentence the UI can show as is. */
    reason: z.string(),
  }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const MutationReply = z.strictObject({
  results: z.array(MutationResult),
  last_mutation_id: z.number().int().min(0),
});
export type MutationReply = z.infer<typeof MutationReply>;
