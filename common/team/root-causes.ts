// Root causes (issue "Root causes"): how often each root-cause tag was given when loops were
// closed, so managers see what to fix first. The cohort is the follow-ups marked done in
// the period (done_at in it) and still done or informed; a follow-up with two causes counts
// once for each.
import { z } from 'zod';
import { Granularity, Period } from './period.js';

const Count = z.number().int().min(0);

export const RootCauseRow = z.strictObject({
  tag: z.string(),
  count: Count,
  previousCount: Count,
  /** Per bucket of the period, in the buckets' order. */
  trend: z.array(Count),
});
export type RootCauseRow = z.infer<typeof RootCauseRow>;

export const TeamRootCauses = z.strictObject({
  period: Period,
  previousPeriod: Period,
  granularity: Granularity,
  buckets: z.array(Period),
  /** Most frequent first. */
  causes: z.array(RootCauseRow),
  /** Follow-ups closed in the period, and how many of them named no cause. */
  closed: Count,
  withoutCause: Count,
  /** Distinct tags beyond MAX_ROOT_CAUSES, not listed. */
  otherTags: Count,
});
export type TeamRootCauses = z.infer<typeof TeamRootCauses>;

/** The most frequent tags listed; a long tail of one-off tags is counted, not listed. */
export const MAX_ROOT_CAUSES = 30;
