// The team's SLA policy (issue "Follow-up workflow" §1): first-contact time and priority per
// metric and band. The server holds it (GET / PUT /v1/sla-policy, common/api/sla-policy.ts)
// and opens every follow-up with it — at ingestion for the negative band, and on the first
// mutation of any other — through newFollowup, which the client also runs for its
// optimistic copy with the policy it last fetched. This is the one schema of the policy: the
// API's body and reply, the IPC channels and the client's cache all validate with it.
import { z } from 'zod';
import { PRIORITIES } from '../domain/followup-status.js';
import { BANDS, SURVEY_TYPES, type Band, type SurveyType } from '../domain/metrics.js';
import type { SlaPolicy } from '../domain/sla.js';

/** A year: anything longer is a typo, not a service level. */
export const MAX_FIRST_CONTACT_HOURS = 24 * 365;

export const SlaRuleSchema = z.strictObject({
  firstContactHours: z.number().int().min(1).max(MAX_FIRST_CONTACT_HOURS).nullable(),
  priority: z.enum(PRIORITIES),
});

const BandRules = z.strictObject(
  Object.fromEntries(BANDS.map((band) => [band, SlaRuleSchema])) as Record<Band, typeof SlaRuleSchema>,
);

export const SlaPolicySchema: z.ZodType<SlaPolicy> = z.strictObject(
  Object.fromEntries(SURVEY_TYPES.map((type) => [type, BandRules])) as Record<SurveyType, typeof BandRules>,
);
