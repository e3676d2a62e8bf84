// The records of the ingestion API, contract v1. Field names follow the Wootric/InMoment v1
// API where they exist (DESIGN.md "The ingestion API").
import { z } from 'zod';
import { SURVEY_TYPES } from '../domain/metrics.js';
import { SURVEY_CHANNELS, CONTACT_CHANNELS, CONTACT_DIRECTIONS, CONTACT_OUTCOMES } from '../domain/channels.js';
import { FOLLOWUP_STATUSES, PRIORITIES } from '../domain/followup-status.js';
import { CountryCode, FreeText, Id, Instant, LanguageCode } from './primitives.js';

export const MAX_COMMENT_CHARS = 100_000;

export const PropertyValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

export const EndUser = z.strictObject({
  id: Id,
  email: z.string().max(320).nullable(),
  external_id: z.string().max(256).nullable(),
  name: z.string().max(256).nullable(),
  phone: z.string().max(64).nullable(),
  properties: z.record(z.string().max(128), PropertyValue),
  /** Restriction of processing and objection both block contact. */
  restricted: z.boolean(),
  objected: z.boolean(),
  created_at: Instant,
  updated_at: Instant,
});
export type EndUser = z.infer<typeof EndUser>;

export const SurveyResponse = z.strictObject({
  id: Id,
  end_user_id: Id,
  survey_type: z.enum(SURVEY_TYPES),
  score: z.number().int().min(0).max(10),
  text: FreeText(MAX_COMMENT_CHARS).nullable(),
  origin_url: z.string().max(2048).nullable(),
  channel: z.enum(SURVEY_CHANNELS),
  product: z.string().min(1).max(128),
  company: z.string().max(256).nullable(),
  country: CountryCode.nullable(),
  language: LanguageCode.nullable(),
  tags: z.array(z.string().min(1).max(64)).max(50),
  excluded_from_calculations: z.boolean(),
  created_at: Instant,
  updated_at: Instant,
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

export const Decline = z.strictObject({
  id: Id,
  end_user_id: Id,
  survey_type: z.enum(SURVEY_TYPES),
  channel: z.enum(SURVEY_CHANNELS),
  product: z.string().min(1).max(128),
  origin_url: z.string().max(2048).nullable(),
  created_at: Instant,
});
export type Decline = z.infer<typeof Decline>;

export const STAFF_ROLES = ['agent', 'manager'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const Staff = z.strictObject({
  id: Id,
  name: z.string().min(1).max(256),
  email: z.string().max(320),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
});
export type Staff = z.infer<typeof Staff>;

/** One follow-up per response; its id is derived from the response id (followupIdFor). */
export const Followup = z.strictObject({
  id: Id,
  response_id: Id,
  end_user_id: Id,
  status: z.enum(FOLLOWUP_STATUSES),
  assignee_id: Id.nullable(),
  priority: z.enum(PRIORITIES),
  due_at: Instant.nullable(),
  first_contact_at: Instant.nullable(),
  done_at: Instant.nullable(),
  informed_at: Instant.nullable(),
  closed_reason: FreeText(2000).nullable(),
  action_summary: FreeText(4000).nullable(),
  root_causes: z.array(z.string().min(1).max(64)).max(20),
  tags: z.array(z.string().min(1).max(64)).max(50),
  /** Bumped by the server on every change; lets clients detect a colleague's edit. */
  version: z.number().int().min(1),
  created_at: Instant,
  updated_at: Instant,
});
export type Followup = z.infer<typeof Followup>;

export function followupIdFor(responseId: string): string {
  return `fu_${responseId}`;
}

export const ContactEntry = z.strictObject({
  channel: z.enum(CONTACT_CHANNELS),
  direction: z.enum(CONTACT_DIRECTIONS),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: FreeText(4000),
  contacted_at: Instant,
});
export type ContactEntry = z.infer<typeof ContactEntry>;

/**
 * The audit trail of a follow-up: one event per change, written by the server in the same
 * transaction as the change. Contact logs and notes travel as events too.
 */
export const FollowupEventData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('created') }),
  z.strictObject({ kind: z.literal('assigned'), assignee_id: Id, previous_assignee_id: Id.nullable() }),
  z.strictObject({ kind: z.literal('unassigned'), previous_assignee_id: Id.nullable() }),
  z.strictObject({ kind: z.literal('due_set'), due_at: Instant.nullable() }),
  z.strictObject({ kind: z.literal('priority_set'), priority: z.enum(PRIORITIES) }),
  z.strictObject({
    kind: z.literal('status_set'),
    from: z.enum(FOLLOWUP_STATUSES),
    to: z.enum(FOLLOWUP_STATUSES),
    reason: FreeText(2000).nullable(),
  }),
  z.strictObject({ kind: z.literal('contact_logged'), contact_id: Id, contact: ContactEntry }),
  z.strictObject({ kind: z.literal('note_added'), note_id: Id, text: FreeText(10_000) }),
  z.strictObject({ kind: z.literal('note_edited'), note_id: Id, text: FreeText(10_000) }),
  z.strictObject({ kind: z.literal('tags_set'), tags: z.array(z.string().min(1).max(64)).max(50) }),
  z.strictObject({
    kind: z.literal('done'),
    action_summary: FreeText(4000),
    root_causes: z.array(z.string().min(1).max(64)).min(1).max(20),
  }),
  z.strictObject({
    kind: z.literal('informed'),
    how: z.enum(['message', 'direct']),
    message: FreeText(4000).nullable(),
    language: LanguageCode.nullable(),
  }),
]);
export type FollowupEventData = z.infer<typeof FollowupEventData>;

export const FollowupEvent = z.strictObject({
  id: Id,
  followup_id: Id,
  actor_id: Id,
  at: Instant,
  data: FollowupEventData,
});
export type FollowupEvent = z.infer<typeof FollowupEvent>;

/** A tombstone: the respondent and everything about them is gone. */
export const Erasure = z.strictObject({
  end_user_id: Id,
  erased_at: Instant,
});
export type Erasure = z.infer<typeof Erasure>;
