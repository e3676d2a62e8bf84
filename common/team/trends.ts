// Score trends (issue "Score trends"): NPS, CSAT and CES per week or month, with response
// counts and the band split, optionally broken down by product or by country. Responses
// flagged excluded_from_calculations are left out in SQL. The core sends tallies (band
// counts and the score sum); the scores are computed from them by common/domain/scores.ts,
// the programme's one definition of each score.
import { z } from 'zod';
import { SURVEY_TYPES, type SurveyType } from '../domain/metrics.js';
import { cesLowEffortPercent, cesMeanOfTotal, csatPercent, netPromoterScore } from '../domain/scores.js';
import { Granularity, Period } from './period.js';

const Count = z.number().int().min(0);

export const ScoreTally = z.strictObject({
  negative: Count,
  neutral: Count,
  positive: Count,
  /** Sum of the raw scores, for CES's mean reading. */
  scoreSum: Count,
});
export type ScoreTally = z.infer<typeof ScoreTally>;

export const EMPTY_TALLY: ScoreTally = { negative: 0, neutral: 0, positive: 0, scoreSum: 0 };

export const TREND_BREAKDOWNS = ['none', 'product', 'country'] as const;
export const TrendBreakdown = z.enum(TREND_BREAKDOWNS);
export type TrendBreakdown = z.infer<typeof TrendBreakdown>;

/** With a breakdown, the largest groups get their own series; the rest are counted as "other". */
export const MAX_TREND_GROUPS = 6;

export const TrendSeries = z.strictObject({
  metric: z.enum(SURVEY_TYPES),
  /** The product or country of a breakdown (null: unknown country); absent without one. */
  group: z.string().nullable().optional(),
  /** One tally per bucket, in the buckets' order. */
  tallies: z.array(ScoreTally),
  total: ScoreTally,
});
export type TrendSeries = z.infer<typeof TrendSeries>;

export const TeamTrends = z.strictObject({
  period: Period,
  granularity: Granularity,
  breakdown: TrendBreakdown,
  buckets: z.array(Period),
  /** Per metric (and per group with a breakdown), largest first. */
  series: z.array(TrendSeries),
  /** Groups of a breakdown beyond MAX_TREND_GROUPS, per metric, with their responses together. */
  others: z.array(z.strictObject({ metric: z.enum(SURVEY_TYPES), groups: Count, total: ScoreTally })),
});
export type TeamTrends = z.infer<typeof TeamTrends>;

export function tallyResponses(t: ScoreTally): number {
  return t.negative + t.neutral + t.positive;
}

/** The headline score of a metric: NPS (−100…100), CSAT % (top-2-box), or CES mean (1–7). */
export function headlineScore(metric: SurveyType, t: ScoreTally): number | null {
  switch (metric) {
    case 'nps':
      return netPromoterScore(t);
    case 'csat':
      return csatPercent(t);
    case 'ces':
      return cesMeanOfTotal(t.scoreSum, tallyResponses(t));
  }
}

/** CES's second reading: the share of low-effort (6–7) answers; null for the other metrics. */
export function secondaryScore(metric: SurveyType, t: ScoreTally): number | null {
  return metric === 'ces' ? cesLowEffortPercent(t) : null;
}

export const HEADLINE_LABELS: Readonly<Record<SurveyType, string>> = {
  nps: 'NPS',
  csat: 'CSAT %',
  ces: 'CES (mean)',
};

/** Share of a band in percent, one decimal; null without responses. */
export function bandShare(t: ScoreTally, band: 'negative' | 'neutral' | 'positive'): number | null {
  const n = tallyResponses(t);
  return n === 0 ? null : Math.round((t[band] / n) * 1000) / 10;
}
