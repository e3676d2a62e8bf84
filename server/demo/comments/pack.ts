// The shape of a language's comment material. Comments are composed from clauses so that a
// few dozen templates per language yield many thousands of distinct, believable comments.
// Slots: {feature} {product} {days} {minutes} {pct} {seats} {version}; in informs also
// {name} (the respondent's first name) and {staff} (the sender's first name).

/** What an unhappy respondent writes about. */
export const COMPLAINT_THEMES = ['pricing', 'bugs', 'support', 'onboarding', 'performance'] as const;
export type ComplaintTheme = (typeof COMPLAINT_THEMES)[number];

/** What a happy respondent praises (the "praise" theme, by aspect). */
export const PRAISE_ASPECTS = ['general', 'support', 'onboarding', 'performance', 'features', 'value'] as const;
export type PraiseAspect = (typeof PRAISE_ASPECTS)[number];

export type CommentTheme = ComplaintTheme | 'praise';

export const DEMO_LANGUAGES = ['en', 'sv', 'nb', 'da', 'fi', 'nl'] as const;
export type DemoLanguage = (typeof DEMO_LANGUAGES)[number];

export interface LanguagePack {
  readonly language: DemoLanguage;
  /** Singular nouns with their article or definite ending, lower case unless a name. */
  readonly features: readonly string[];
  readonly complaints: Readonly<Record<ComplaintTheme, readonly string[]>>;
  readonly praise: Readonly<Record<PraiseAspect, readonly string[]>>;
  /** Put before a lower-cased clause ("Honestly," + " the export …"). */
  readonly negativePrefixes: readonly string[];
  /** Whole sentences that open an unhappy comment. */
  readonly negativeOpeners: readonly string[];
  readonly negativeClosers: readonly string[];
  readonly positiveClosers: readonly string[];
  /** Lukewarm sentences for the middle band. */
  readonly neutralOpeners: readonly string[];
  /** Joins praise and a complaint: "…, but …". */
  readonly contrast: string;
  readonly shortPositive: readonly string[];
  readonly shortNegative: readonly string[];
  /** Closing-the-loop messages to the respondent. */
  readonly informs: readonly string[];
}
