// The demo data set: a deterministic function of (responses, seed, now). It streams answers
// in time order through the same write paths as ingestion (recordResponse opens follow-ups
// for detractors) in a few large transactions, so 20,000 answers take about a second and
// 1,000,000 stay within memory.
import type { Decline, SurveyResponse } from '../../common/api/records.js';
import { bandOf } from '../../common/domain/metrics.js';
import { createPrng, type Prng } from '../lib/prng.js';
import type { Store } from '../store/store.js';
import { recordDecline, recordNewRespondent, recordResponse } from '../services/ingest.js';
import { recordStaff } from '../services/staff.js';
import { iso } from '../services/clock.js';
import { LANGUAGE_PACKS } from './comments/index.js';
import { CommentComposer } from './comments/compose.js';
import { DEMO_LANGUAGES, type DemoLanguage } from './comments/pack.js';
import { PRODUCTS, SURVEY_TYPE_WEIGHTS, type Product } from './catalog.js';
import { PeopleFactory, type DemoRespondent } from './people.js';
import { COMMENT_CHANCE, happeningsAt, sampleScore, sampleTheme } from './score-model.js';
import { FollowupScripter } from './followup-script.js';
import { DEMO_STAFF } from './roster.js';
import { answerTime, HISTORY_MS } from './timeline.js';

export interface DemoOptions {
  readonly responses: number;
  /** Same seed, same data (default 1). */
  readonly seed?: number;
  /** The demo's "now": history ends just before it (default: the current time). */
  readonly now?: Date;
}

export interface DemoStats {
  readonly responses: number;
  readonly declines: number;
  readonly respondents: number;
  readonly followups: number;
  readonly comments: number;
  readonly ms: number;
}

/** Answers per transaction: large enough to be fast, small enough to keep the WAL in check. */
const BATCH = 50_000;
/** Share of answers from someone who has not answered before. */
const NEW_RESPONDENT = 0.36;
const DECLINE_CHANCE = 0.11;

function pad(n: number): string {
  return String(n).padStart(7, '0');
}

function originUrl(prng: Prng, product: Product, channel: SurveyResponse['channel']): string | null {
  switch (channel) {
    case 'web':
    case 'in_app':
      return `https://app.example.com/${product.slug}/${prng.pick(product.pages)}${channel === 'in_app' ? '?src=in_app' : ''}`;
    case 'link':
      return `https://survey.example.com/s/${product.slug}-${prng.int(1000, 9999)}`;
    case 'mobile':
    case 'email':
      return null;
  }
}

export function generateDemo(store: Store, options: DemoOptions, onBatch?: (done: number) => void): DemoStats {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const nowMs = (options.now ?? new Date()).getTime();
  const prng = createPrng(seed);
  const people = new PeopleFactory(prng, seed, Math.max(40, Math.round(options.responses / 350)));
  const scripter = new FollowupScripter(prng, nowMs);
  const composers = Object.fromEntries(
    DEMO_LANGUAGES.map((l) => [l, new CommentComposer(prng, LANGUAGE_PACKS[l])]),
  ) as Record<DemoLanguage, CommentComposer>;
  const pool: DemoRespondent[] = [];
  const stats = { responses: 0, declines: 0, respondents: 0, followups: 0, comments: 0 };

  const newRespondent = (atMs: number): DemoRespondent => {
    stats.respondents += 1;
    const r = people.respondent(`eu_${pad(stats.respondents)}`, iso(atMs), stats.respondents);
    recordNewRespondent(store, r.record, nowMs);
    return r;
  };

  const answer = (index: number): void => {
    const atMs = answerTime(index, options.responses, prng.next(), nowMs);
    let respondent: DemoRespondent;
    if (pool.length === 0 || prng.chance(NEW_RESPONDENT)) {
      respondent = newRespondent(atMs);
      pool.push(respondent);
    } else {
      respondent = prng.pick(pool);
    }
    const product = prng.chance(0.7)
      ? (PRODUCTS[respondent.productIndex] ?? prng.pick(PRODUCTS))
      : prng.weighted(PRODUCTS.map((p) => [p, p.weight] as const));
    const happenings = happeningsAt(product.name, atMs, nowMs);
    const surveyType = prng.weighted(SURVEY_TYPE_WEIGHTS);
    const score = sampleScore(prng, surveyType, respondent.mood + happenings.reduce((m, h) => m + h.mood, 0));
    const band = bandOf(surveyType, score);
    const theme = sampleTheme(prng, happenings);
    const text = prng.chance(COMMENT_CHANCE[band])
      ? composers[respondent.language].compose(band, theme, sampleTheme(prng, happenings), product.name)
      : null;
    const channel = prng.weighted(product.channels);
    const plan = respondent.company?.plan;
    const tags = plan === 'Enterprise' && prng.chance(0.3) ? ['enterprise'] : prng.chance(0.03) ? ['beta'] : [];
    const at = iso(atMs);
    const response: SurveyResponse = {
      id: `r_${pad(index + 1)}`,
      end_user_id: respondent.record.id,
      survey_type: surveyType,
      score,
      text,
      origin_url: originUrl(prng, product, channel),
      channel,
      product: product.name,
      company: respondent.company?.name ?? null,
      country: respondent.country.code,
      language: respondent.language,
      tags,
      // Internal test answers that slipped into production, as every programme has.
      excluded_from_calculations: prng.chance(0.005),
      created_at: at,
      updated_at: at,
    };
    const followup = recordResponse(store, response, null, nowMs, (opened) =>
      scripter.script(opened, { respondent, theme, product: product.name }),
    );
    stats.responses += 1;
    if (text !== null) stats.comments += 1;
    if (followup !== null) stats.followups += 1;

    if (prng.chance(DECLINE_CHANCE)) {
      const declineAt = Math.min(atMs + prng.int(1, 600) * 1000, nowMs - 1000);
      let decliner: DemoRespondent;
      if (prng.chance(0.5)) {
        decliner = prng.pick(pool);
      } else {
        decliner = newRespondent(declineAt);
        if (prng.chance(0.4)) pool.push(decliner);
      }
      const declineProduct = prng.weighted(PRODUCTS.map((p) => [p, p.weight] as const));
      const declineChannel = prng.weighted(declineProduct.channels);
      stats.declines += 1;
      const decline: Decline = {
        id: `d_${pad(stats.declines)}`,
        end_user_id: decliner.record.id,
        survey_type: prng.weighted(SURVEY_TYPE_WEIGHTS),
        channel: declineChannel,
        product: declineProduct.name,
        origin_url: originUrl(prng, declineProduct, declineChannel),
        created_at: iso(declineAt),
      };
      recordDecline(store, decline, null, nowMs);
    }
  };

  store.write(() => {
    const joined = new Date(nowMs - HISTORY_MS - 30 * 24 * 3_600_000);
    for (const { speaks: _s, leftMonthsAgo: _l, ...staff } of DEMO_STAFF) recordStaff(store, staff, joined);
  });
  for (let start = 0; start < options.responses; start += BATCH) {
    const end = Math.min(options.responses, start + BATCH);
    store.write(() => {
      for (let i = start; i < end; i++) answer(i);
    });
    onBatch?.(end);
  }
  return { ...stats, ms: Math.round(performance.now() - started) };
}
