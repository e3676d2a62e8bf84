// The SLA policy: the default (48 h detractors, 5 days passives, none for promoters), its
// schema (the API's, the IPC's and the cache's), and a follow-up opened under a team policy:
// newFollowup is what the server runs when it opens one and what the client runs for its
// optimistic copy, so both get the same due time and priority from the same policy.
import { describe, expect, it } from 'vitest';
import { newFollowup } from '../../../common/api/mutation-effects.js';
import { SCORE_SCALES, SURVEY_TYPES } from '../../../common/domain/metrics.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../common/domain/sla.js';
import { SlaPolicySchema } from '../../../common/followups/sla-policy.js';
import { RESPONSE } from './support.js';

const HOUR = 3_600_000;

describe('the default SLA policy', () => {
  it.each(SURVEY_TYPES)(
    '%s: first contact within 48 h for the negative band, 5 days for neutral, none for positive',
    (type) => {
      const scale = SCORE_SCALES[type];
      const received = Date.parse(RESPONSE.created_at);
      const due = (score: number) => newFollowup({ ...RESPONSE, survey_type: type, score }, RESPONSE.created_at).due_at;
      expect(due(scale.negativeMax)).toBe(new Date(received + 48 * HOUR).toISOString());
      expect(due(scale.negativeMax + 1)).toBe(new Date(received + 5 * 24 * HOUR).toISOString());
      expect(due(scale.max)).toBeNull();
      expect(DEFAULT_SLA_POLICY[type].negative.priority).toBe('high');
    },
  );
});

describe('a team policy', () => {
  const team: SlaPolicy = {
    ...DEFAULT_SLA_POLICY,
    nps: {
      negative: { firstContactHours: 24, priority: 'urgent' },
      neutral: DEFAULT_SLA_POLICY.nps.neutral,
      positive: { firstContactHours: 72, priority: 'low' },
    },
  };

  it('is stored and read back through its schema, and out-of-range hours are refused', () => {
    expect(SlaPolicySchema.parse(JSON.parse(JSON.stringify(team)))).toEqual(team);
    const bad = { ...team, ces: { ...team.ces, negative: { firstContactHours: 0, priority: 'high' } } };
    expect(SlaPolicySchema.safeParse(bad).success).toBe(false);
    expect(SlaPolicySchema.safeParse({ ...team, ces: undefined }).success).toBe(false);
  });

  it('opens a follow-up with its due time and priority, counted from when the response arrived', () => {
    expect(newFollowup(RESPONSE, '2026-05-01T11:00:00.000Z', team)).toMatchObject({
      due_at: '2026-05-02T10:00:00.000Z',
      priority: 'urgent',
    });
    // Promoters get no target by default; here they get three days.
    expect(newFollowup({ ...RESPONSE, score: 10 }, RESPONSE.created_at, team)).toMatchObject({
      due_at: '2026-05-04T10:00:00.000Z',
      priority: 'low',
    });
    // Where it keeps the default rule, the follow-up is the default one.
    const passive = { ...RESPONSE, score: 8 };
    expect(newFollowup(passive, RESPONSE.created_at, team)).toEqual(newFollowup(passive, RESPONSE.created_at));
  });
});
