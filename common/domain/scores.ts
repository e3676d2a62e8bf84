// Programme-level score maths. Responses flagged excluded_from_calculations never reach
// these functions' counts: callers filter them (in SQL) before counting.
import { bandOf, type Band, type SurveyType } from './metrics.js';

export type BandCounts = Readonly<Record<Band, number>>;

export function countBands(type: SurveyType, scores: readonly number[]): BandCounts {
  const counts = { negative: 0, neutral: 0, positive: 0 };
  for (const s of scores) counts[bandOf(type, s)] += 1;
  return counts;
}

function total(c: BandCounts): number {
  return c.negative + c.neutral + c.positive;
}

/** NPS = %promoters − %detractors, rounded to a whole number; null with no responses. */
export function netPromoterScore(c: BandCounts): number | null {
  const n = total(c);
  if (n === 0) return null;
  return Math.round(((c.positive - c.negative) / n) * 100);
}

/** CSAT% = share of 4–5 answers (top-2-box), 0–100, one decimal; null with no responses. */
export function csatPercent(c: BandCounts): number | null {
  const n = total(c);
  if (n === 0) return null;
  return Math.round((c.positive / n) * 1000) / 10;
}

/** CES has two common readings: the mean score (1–7) and the share of low-effort (6–7) answers. */
export function cesMean(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const sum = scores.reduce((a, b) => a + b, 0);
  return Math.round((sum / scores.length) * 100) / 100;
}

export function cesLowEffortPercent(c: BandCounts): number | null {
  return csatPercent(c);
}

/** CES mean from a sum of scores and their count (what SQL aggregates), rounded like cesMean. */
export function cesMeanOfTotal(scoreSum: number, count: number): number | null {
  if (count === 0) return null;
  return Math.round((scoreSum / count) * 100) / 100;
}
