// Survey metrics and their score bands (DESIGN.md "Follow-up domain" → Scores).
export const SURVEY_TYPES = ['nps', 'ces', 'csat'] as const;
export type SurveyType = (typeof SURVEY_TYPES)[number];

export const BANDS = ['negative', 'neutral', 'positive'] as const;
/** Band of a score, uniform across metrics: NPS detractor/passive/promoter map to these. */
export type Band = (typeof BANDS)[number];

export interface ScoreScale {
  readonly min: number;
  readonly max: number;
  /** Highest score that still counts as negative (detractor for NPS). */
  readonly negativeMax: number;
  /** Lowest score that counts as positive (promoter for NPS). */
  readonly positiveMin: number;
  /** What each band is called for this metric, for the UI. */
  readonly bandLabels: Readonly<Record<Band, string>>;
}

export const SCORE_SCALES: Readonly<Record<SurveyType, ScoreScale>> = {
  nps: {
    min: 0,
    max: 10,
    negativeMax: 6,
    positiveMin: 9,
    bandLabels: { negative: 'Detractor', neutral: 'Passive', positive: 'Promoter' },
  },
  ces: {
    min: 1,
    max: 7,
    negativeMax: 3,
    positiveMin: 6,
    bandLabels: { negative: 'High effort', neutral: 'Neutral', positive: 'Low effort' },
  },
  csat: {
    min: 1,
    max: 5,
    negativeMax: 2,
    positiveMin: 4,
    bandLabels: { negative: 'Unsatisfied', neutral: 'Neutral', positive: 'Satisfied' },
  },
};

export function isValidScore(type: SurveyType, score: number): boolean {
  const scale = SCORE_SCALES[type];
  return Number.isInteger(score) && score >= scale.min && score <= scale.max;
}

export function bandOf(type: SurveyType, score: number): Band {
  const scale = SCORE_SCALES[type];
  if (score <= scale.negativeMax) return 'negative';
  if (score >= scale.positiveMin) return 'positive';
  return 'neutral';
}

export function bandLabel(type: SurveyType, score: number): string {
  return SCORE_SCALES[type].bandLabels[bandOf(type, score)];
}

export const METRIC_LABELS: Readonly<Record<SurveyType, string>> = {
  nps: 'NPS',
  ces: 'CES',
  csat: 'CSAT',
};
