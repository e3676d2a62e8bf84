// POST /v1/responses and POST /v1/declines — the ingestion side that surveys post to
// (DESIGN.md "The ingestion API"). Field names follow the Wootric/InMoment v1 API.
import { z } from 'zod';
import { SURVEY_CHANNELS } from '../domain/channels.js';
import { SCORE_SCALES, SURVEY_TYPES, isValidScore } from '../domain/metrics.js';
import { Decline, Followup, MAX_COMMENT_CHARS, PropertyValue, SurveyResponse } from './records.js';
import { CountryCode, FreeText, Id, Instant, LanguageCode } from './primitives.js';

/**
 * Survey-supplied ids leave room for the prefixes the server derives from them
 * (followupIdFor adds `fu_`), so that every derived id still fits Id's 128 characters.
 */
export const IngestId = Id.max(100);

/** Deliberately loose: surveys collect what people type; the server never sends mail itself. */
export const EmailAddress = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must look like an e-mail address');

/**
 * Who answered. The server matches an existing respondent by external_id, then by e-mail
 * (case-insensitively); with neither, every answer is an anonymous respondent of its own.
 */
export const IngestEndUser = z.strictObject({
  email: EmailAddress.nullable().default(null),
  external_id: z.string().min(1).max(256).nullable().default(null),
  name: z.string().max(256).nullable().default(null),
  phone: z.string().max(64).nullable().default(null),
  properties: z.record(z.string().max(128), PropertyValue).default({}),
});
export type IngestEndUser = z.output<typeof IngestEndUser>;

const Tags = z.array(z.string().min(1).max(64)).max(50);

export const IngestResponseBody = z
  .strictObject({
    /** Optional idempotency key: a survey that retries sends the same id. */
    id: IngestId.optional(),
    end_user: IngestEndUser,
    survey_type: z.enum(SURVEY_TYPES),
    score: z.number().int(),
    text: FreeText(MAX_COMMENT_CHARS).nullable().default(null),
    origin_url: z.string().max(2048).nullable().default(null),
    channel: z.enum(SURVEY_CHANNELS),
    product: z.string().min(1).max(128),
    company: z.string().max(256).nullable().default(null),
    country: CountryCode.nullable().default(null),
    language: LanguageCode.nullable().default(null),
    tags: Tags.default([]),
    excluded_from_calculations: z.boolean().default(false),
    /** When the respondent answered; defaults to the time the server receives it. */
    created_at: Instant.optional(),
  })
  .superRefine((body, ctx) => {
    if (!isValidScore(body.survey_type, body.score)) {
      const { min, max } = SCORE_SCALES[body.survey_type];
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: `${body.survey_type.toUpperCase()} scores are whole numbers from ${min} to ${max}`,
      });
    }
  });
export type IngestResponseBody = z.output<typeof IngestResponseBody>;

/** 201 when stored, 200 when the same id and payload were posted before. */
export const IngestResponseReply = z.strictObject({
  response: SurveyResponse,
  /** The follow-up the server opened automatically (negative band), if any. */
  followup: Followup.nullable(),
  created: z.boolean(),
});
export type IngestResponseReply = z.infer<typeof IngestResponseReply>;

/** The respondent saw the survey and dismissed it. A decline never makes anyone contactable. */
export const IngestDeclineBody = z.strictObject({
  id: IngestId.optional(),
  end_user: IngestEndUser,
  survey_type: z.enum(SURVEY_TYPES),
  channel: z.enum(SURVEY_CHANNELS),
  product: z.string().min(1).max(128),
  origin_url: z.string().max(2048).nullable().default(null),
  created_at: Instant.optional(),
});
export type IngestDeclineBody = z.output<typeof IngestDeclineBody>;

export const IngestDeclineReply = z.strictObject({
  decline: Decline,
  created: z.boolean(),
});
export type IngestDeclineReply = z.infer<typeof IngestDeclineReply>;
