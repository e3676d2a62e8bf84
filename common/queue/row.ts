// What the queue table shows for one response, and what the detail pane shows for one.
import { z } from 'zod';
import { Id } from '../api/primitives.js';
import { Decline, EndUser, Followup, FollowupEvent, Staff, SurveyResponse } from '../api/records.js';
import { SURVEY_CHANNELS } from '../domain/channels.js';
import { NOT_CONTACTABLE_REASONS } from '../domain/contactability.js';
import { FOLLOWUP_STATUSES } from '../domain/followup-status.js';
import { BANDS, SURVEY_TYPES } from '../domain/metrics.js';

/** The table shows the start of a comment; the detail pane fetches all of it. */
export const EXCERPT_CHARS = 300;

/** Opaque to the renderer: where a row sits in its sort order, for the next window. */
export const QueueCursor = z.string().min(2).max(2000);
export type QueueCursor = z.infer<typeof QueueCursor>;

const EpochMs = z.number().int();

export const QueueRow = z.strictObject({
  id: Id,
  cursor: QueueCursor,
  receivedAt: EpochMs,
  metric: z.enum(SURVEY_TYPES),
  score: z.number().int(),
  band: z.enum(BANDS),
  excerpt: z.string().nullable(),
  product: z.string(),
  company: z.string().nullable(),
  country: z.string().nullable(),
  channel: z.enum(SURVEY_CHANNELS),
  language: z.string().nullable(),
  assigneeId: Id.nullable(),
  assigneeName: z.string().nullable(),
  status: z.enum(FOLLOWUP_STATUSES),
  dueAt: EpochMs.nullable(),
  overdue: z.boolean(),
  lastContactAt: EpochMs.nullable(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const TimelineEntry = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('response'), response: SurveyResponse }),
  z.strictObject({ kind: z.literal('decline'), decline: Decline }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const RespondentState = z.enum(['present', 'erased', 'not_synced']);

export const QueueDetail = z.strictObject({
  response: SurveyResponse,
  band: z.enum(BANDS),
  respondent: EndUser.nullable(),
  respondentState: RespondentState,
  /** null when contact is allowed; otherwise why not (common/domain/contactability.ts). */
  notContactable: z.enum(NOT_CONTACTABLE_REASONS).nullable(),
  followup: Followup.nullable(),
  /** The follow-up's audit trail, oldest first. */
  history: z.array(FollowupEvent),
  /** The respondent's other answers and declines, newest first. */
  timeline: z.array(TimelineEntry),
  /** Everyone named in the follow-up or its history. */
  staff: z.array(Staff),
  lastContactAt: EpochMs.nullable(),
});
export type QueueDetail = z.infer<typeof QueueDetail>;
