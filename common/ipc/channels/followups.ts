// The follow-up workflow's channels: what the action dialogs need to know about the
// follow-ups they act on, submitting actions (one or many follow-ups, through the sync
// engine's outbox), the follow-up's notes and contact log, the Follow-ups section's list,
// the team's SLA policy (held by the server) and the root-cause list. Notices (someone
// assigned me a follow-up, mine became overdue, a colleague's change won over mine) arrive
// as 'followups:notice'.
import { z } from 'zod';
import { Id } from '../../api/primitives.js';
import { Staff } from '../../api/records.js';
import { REJECTION_CODES, MUTATION_NAMES, type MutationName } from '../../api/mutations.js';
import { CONTACT_CHANNELS, CONTACT_DIRECTIONS, CONTACT_OUTCOMES } from '../../domain/channels.js';
import { NOT_CONTACTABLE_REASONS } from '../../domain/contactability.js';
import { FOLLOWUP_STATUSES, PRIORITIES } from '../../domain/followup-status.js';
import { BANDS, SURVEY_TYPES } from '../../domain/metrics.js';
import { SlaPolicySchema } from '../../followups/sla-policy.js';
import { channel } from '../define.js';
import { MutationRequest } from './sync.js';

const EpochMs = z.number().int();
const MutationNameSchema = z.enum(MUTATION_NAMES as unknown as [MutationName, ...MutationName[]]);
const Tag = z.string().trim().min(1).max(64);

/** Bulk actions act on the queue's selection; the outbox takes up to this many at once. */
export const MAX_FOLLOWUP_TARGETS = 500;

/** One follow-up as the action dialogs see it (whether or not the follow-up exists yet). */
export const FollowupTarget = z.strictObject({
  responseId: Id,
  /** The respondent's name as they gave it, for greeting them; null when unknown. */
  respondentName: z.string().nullable(),
  /** Who they are on screen: name, else their id, e-mail or respondent id. */
  respondentLabel: z.string(),
  surveyType: z.enum(SURVEY_TYPES),
  score: z.number().int(),
  band: z.enum(BANDS),
  /** The response's language: messages to the respondent are offered in it. */
  language: z.string().nullable(),
  excerpt: z.string().nullable(),
  /** 'new' and unassigned when no follow-up exists yet. */
  status: z.enum(FOLLOWUP_STATUSES),
  assigneeId: Id.nullable(),
  tags: z.array(z.string()),
  hasFollowup: z.boolean(),
  /** null when contact is allowed (common/domain/contactability.ts). */
  notContactable: z.enum(NOT_CONTACTABLE_REASONS).nullable(),
});
export type FollowupTarget = z.infer<typeof FollowupTarget>;

export const FollowupsContext = z.strictObject({
  me: Staff.nullable(),
  /** The staff directory, by name. */
  staff: z.array(Staff),
  /** The managed root-cause list (seen on follow-ups, plus added, minus removed). */
  rootCauses: z.array(z.string()),
  /** Tags already in use, for suggestions. */
  tags: z.array(z.string()),
  slaPolicy: SlaPolicySchema,
});
export type FollowupsContext = z.infer<typeof FollowupsContext>;

/**
 * The team's SLA policy as this install holds it: the server's (GET /v1/sla-policy, fetched
 * on every sync and kept in the cache for offline use), or the default until it is fetched.
 */
export const TeamSlaPolicy = z.strictObject({
  policy: SlaPolicySchema,
  /** Fetched from the server at least once; false: the default is shown until the first sync. */
  fetched: z.boolean(),
  /** When a manager last set it; null while the default applies. */
  updatedAt: EpochMs.nullable(),
  /** Who set it, by name (or id when not in the staff directory); null while the default applies. */
  updatedBy: z.string().nullable(),
  /** The signed-in person is a manager: only managers change it (the server enforces it). */
  canEdit: z.boolean(),
});
export type TeamSlaPolicy = z.infer<typeof TeamSlaPolicy>;

export const FollowupNote = z.strictObject({
  id: Id,
  authorId: Id,
  text: z.string(),
  createdAt: EpochMs,
  editedAt: EpochMs.nullable(),
  editedBy: Id.nullable(),
});
export type FollowupNote = z.infer<typeof FollowupNote>;

export const FollowupContact = z.strictObject({
  id: Id,
  actorId: Id,
  channel: z.enum(CONTACT_CHANNELS),
  direction: z.enum(CONTACT_DIRECTIONS),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: z.string(),
  contactedAt: EpochMs,
  loggedAt: EpochMs,
});
export type FollowupContact = z.infer<typeof FollowupContact>;

export const FollowupRecord = z.strictObject({
  /** Oldest first. */
  notes: z.array(FollowupNote),
  /** By contact time, oldest first. */
  contacts: z.array(FollowupContact),
});
export type FollowupRecord = z.infer<typeof FollowupRecord>;

export const FollowupActionResult = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), responseId: Id, name: MutationNameSchema }),
  z.strictObject({
    ok: z.literal(false),
    responseId: Id,
    name: MutationNameSchema,
    code: z.enum([...REJECTION_CODES, 'not_signed_in']),
    /** The local rules' sentence (the same reducer as the server's). */
    reason: z.string(),
  }),
]);
export type FollowupActionResult = z.infer<typeof FollowupActionResult>;

export const FOLLOWUP_LIST_SCOPES = ['mine', 'team'] as const;
export type FollowupListScope = (typeof FOLLOWUP_LIST_SCOPES)[number];

export const FollowupListRow = z.strictObject({
  responseId: Id,
  /** Who they are on screen: name, else their id, e-mail or respondent id. */
  respondentName: z.string(),
  surveyType: z.enum(SURVEY_TYPES),
  score: z.number().int(),
  band: z.enum(BANDS),
  excerpt: z.string().nullable(),
  status: z.enum(FOLLOWUP_STATUSES),
  priority: z.enum(PRIORITIES),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  dueAt: EpochMs.nullable(),
  receivedAt: EpochMs,
  firstContactAt: EpochMs.nullable(),
  updatedAt: EpochMs,
});
export type FollowupListRow = z.infer<typeof FollowupListRow>;

/** The Follow-ups section lists at most this many; beyond it, the queue's filters help. */
export const MAX_FOLLOWUP_LIST_ROWS = 1000;

export const FollowupList = z.strictObject({
  /** Open follow-ups and done ones still to be told to the respondent, soonest due first (no due time last). */
  open: z.array(FollowupListRow),
  /** Informed or closed without action in the last 14 days, newest first. */
  recentlyClosed: z.array(FollowupListRow),
  /** More open follow-ups exist than were listed. */
  truncated: z.boolean(),
});
export type FollowupList = z.infer<typeof FollowupList>;

export const NOTICE_KINDS = ['assigned', 'overdue', 'overridden', 'conflict'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Something the user should hear about: a toast in the window, and for some a desktop notification. */
export const FollowupNotice = z.strictObject({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  /** The follow-up it is about, when it is one. */
  responseId: Id.nullable(),
  at: EpochMs,
  /** Shown as a desktop notification by the shell already: the window need not repeat it. */
  onDesktop: z.boolean(),
});
export type FollowupNotice = z.infer<typeof FollowupNotice>;

export const FOLLOWUP_CHANNELS = {
  'followups:context': channel(z.strictObject({}), FollowupsContext),
  'followups:targets': channel(
    z.strictObject({ responseIds: z.array(Id).min(1).max(MAX_FOLLOWUP_TARGETS) }),
    z.strictObject({ targets: z.array(FollowupTarget) }),
  ),
  'followups:record': channel(z.strictObject({ responseId: Id }), FollowupRecord),
  /**
   * Applies each action in order through the outbox (optimistic, then pushed). A follow-up
   * born by an action gets the team's SLA policy: the server opens it with the policy it
   * holds, and the optimistic copy uses the one last fetched.
   */
  'followups:submit': channel(
    z.strictObject({ actions: z.array(MutationRequest).min(1).max(MAX_FOLLOWUP_TARGETS) }),
    z.strictObject({ results: z.array(FollowupActionResult) }),
  ),
  'followups:list': channel(z.strictObject({ scope: z.enum(FOLLOWUP_LIST_SCOPES) }), FollowupList),
  'followups:sla-policy': channel(z.strictObject({}), TeamSlaPolicy),
  /**
   * A manager replaces the team's policy on the server (PUT /v1/sla-policy); answers the
   * policy as now held. Refused with 'forbidden' for agents, 'unavailable' when offline or no
   * session runs: nothing is saved then, and the caller keeps the user's edits.
   */
  'followups:set-sla-policy': channel(z.strictObject({ policy: SlaPolicySchema }), TeamSlaPolicy),
  /** Adds root causes to the managed list (created on the fly) and removes others from it. */
  'followups:edit-root-causes': channel(
    z.strictObject({ add: z.array(Tag).max(50), remove: z.array(Tag).max(50) }),
    z.strictObject({ rootCauses: z.array(z.string()) }),
  ),
} as const;
