// How scores are distributed, the way real programmes see them: NPS skewed to 8–10 with a
// long detractor tail (NPS ≈ +20 to +30), CES and CSAT skewed to the top. A respondent's
// disposition, product trends and one incident shift the odds over the three years.
import type { Band, SurveyType } from '../../common/domain/metrics.js';
import { SCORE_SCALES } from '../../common/domain/metrics.js';
import type { Prng } from '../lib/prng.js';
import { COMPLAINT_THEMES, type ComplaintTheme } from './comments/pack.js';

/** Relative frequency of each score, from the scale's minimum up. */
const BASE_WEIGHTS: Readonly<Record<SurveyType, readonly number[]>> = {
  nps: [3, 1, 1.5, 2, 2.5, 6, 6, 11, 19, 20, 28],
  ces: [3, 4, 7, 12, 20, 28, 26],
  csat: [5, 6, 12, 32, 45],
};

/**
 * Samples a score. `mood` (about −2…+2) tilts the distribution towards the bottom or the
 * top; 0 leaves it as programmes typically see it.
 */
export function sampleScore(prng: Prng, type: SurveyType, mood: number): number {
  const weights = BASE_WEIGHTS[type];
  const last = weights.length - 1;
  const tilted = weights.map((w, i) => [i, w * Math.exp(mood * 1.4 * (i / last - 0.5))] as const);
  return SCORE_SCALES[type].min + prng.weighted(tilted);
}

/** Moments in the demo's history, in months before "now". */
export interface Happening {
  readonly product: string;
  readonly fromMonthsAgo: number;
  readonly toMonthsAgo: number;
  readonly mood: number;
  readonly theme: ComplaintTheme;
  readonly themeBoost: number;
}

export const HAPPENINGS: readonly Happening[] = [
  // A release that broke syncing on older phones, fixed two months later.
  { product: 'Field App', fromMonthsAgo: 9, toMonthsAgo: 7, mood: -1.4, theme: 'bugs', themeBoost: 4 },
  // A price rise that customers noticed at renewal.
  { product: 'Ledger', fromMonthsAgo: 15, toMonthsAgo: 11, mood: -0.5, theme: 'pricing', themeBoost: 3 },
  // The query engine was slow until it was rebuilt.
  { product: 'Insights', fromMonthsAgo: 36, toMonthsAgo: 20, mood: -0.4, theme: 'performance', themeBoost: 2.5 },
];

const MONTH_MS = 30.44 * 24 * 3_600_000;

export function happeningsAt(product: string, atMs: number, nowMs: number): readonly Happening[] {
  const monthsAgo = (nowMs - atMs) / MONTH_MS;
  return HAPPENINGS.filter((h) => h.product === product && monthsAgo <= h.fromMonthsAgo && monthsAgo >= h.toMonthsAgo);
}

const BASE_THEMES: Readonly<Record<ComplaintTheme, number>> = {
  pricing: 20,
  bugs: 25,
  support: 18,
  onboarding: 12,
  performance: 25,
};

export function sampleTheme(prng: Prng, happenings: readonly Happening[]): ComplaintTheme {
  return prng.weighted(
    COMPLAINT_THEMES.map((t) => {
      const boost = happenings.reduce((b, h) => (h.theme === t ? b * h.themeBoost : b), 1);
      return [t, BASE_THEMES[t] * boost] as const;
    }),
  );
}

/** Unhappy people write more often than happy ones; overall about half write something. */
export const COMMENT_CHANCE: Readonly<Record<Band, number>> = { negative: 0.68, neutral: 0.42, positive: 0.45 };
