// GET /v1/changes — the cursor feed (DESIGN.md "Sync").
import { z } from 'zod';
import { Decline, EndUser, Erasure, Followup, FollowupEvent, Staff, SurveyResponse } from './records.js';

export const Change = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('response'), data: SurveyResponse }),
  z.strictObject({ kind: z.literal('decline'), data: Decline }),
  z.strictObject({ kind: z.literal('respondent'), data: EndUser }),
  z.strictObject({ kind: z.literal('followup'), data: Followup }),
  z.strictObject({ kind: z.literal('followup_event'), data: FollowupEvent }),
  z.strictObject({ kind: z.literal('staff'), data: Staff }),
  z.strictObject({ kind: z.literal('erasure'), data: Erasure }),
]);
export type Change = z.infer<typeof Change>;
export type ChangeKind = Change['kind'];

/**
 * A page of the feed as the client first reads it: each change is validated on its own so
 * one bad record can be quarantined without rejecting the page.
 */
export const ChangesPageEnvelope = z.strictObject({
  changes: z.array(z.unknown()),
  next_cursor: z.string().min(1).max(512),
  has_more: z.boolean(),
  /** The server's estimate of changes after next_cursor, for progress bars. */
  remaining_estimate: z.number().int().min(0).optional(),
});

export const ChangesPage = ChangesPageEnvelope.extend({ changes: z.array(Change) });
export type ChangesPage = z.infer<typeof ChangesPage>;

/** The cursor is older than the tombstone horizon or unknown: the client must rebuild. */
export const ChangesReset = z.strictObject({
  reset: z.literal(true),
  reason: z.string(),
});
export type ChangesReset = z.infer<typeof ChangesReset>;

export const ChangesQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;
