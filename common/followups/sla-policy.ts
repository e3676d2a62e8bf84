// The team's SLA policy (issue "Follow-up workflow" §1): first-contact time and priority per
// metric and band, editable in the Follow-ups section and stored in the local cache. The
// server opens and creates follow-ups with DEFAULT_SLA_POLICY; where the team's policy says
// otherwise, the client sends set_due / set_priority right after the mutation that creates a
// follow-up, so both sides end up with the same due time through the shared reducer.
import { z } from 'zod';
import { newFollowup } from '../api/mutation-effects.js';
import type { MutationArgs } from '../api/mutations.js';
import { PRIORITIES } from '../domain/followup-status.js';
import { BANDS, SURVEY_TYPES, type Band, type SurveyType } from '../domain/metrics.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../domain/sla.js';

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

/** The set_due / set_priority a newborn follow-up needs so that it follows `policy`. */
export interface PolicyCorrections {
  readonly due?: Pick<MutationArgs<'set_due'>, 'due_at'>;
  readonly priority?: Pick<MutationArgs<'set_priority'>, 'priority'>;
}

/**
 * What differs between the follow-up the server will create for this response (default
 * policy) and the one the team's policy asks for. Both come from newFollowup, the reducer's
 * own constructor, so the comparison cannot drift from what the server does.
 */
export function policyCorrections(facts: Parameters<typeof newFollowup>[0], policy: SlaPolicy): PolicyCorrections {
  const now = facts.created_at;
  const server = newFollowup(facts, now, DEFAULT_SLA_POLICY);
  const wanted = newFollowup(facts, now, policy);
  return {
    ...(wanted.due_at !== server.due_at ? { due: { due_at: wanted.due_at } } : {}),
    ...(wanted.priority !== server.priority ? { priority: { priority: wanted.priority } } : {}),
  };
}
