// A seeded generator of valid ingestion-API records (common/api) at any scale, for the queue
// benchmarks and the e2e fixtures: respondents, responses with realistic comments (several
// languages, diacritics, links), declines, staff, follow-ups and their audit trails. The same
// seed always yields the same records, so a cached database can be keyed by seed and count.
import type { Change } from '../../../common/api/changes.js';
import {
  followupIdFor,
  type Decline,
  type EndUser,
  type Followup,
  type FollowupEvent,
  type Staff,
  type SurveyResponse,
} from '../../../common/api/records.js';
import { SURVEY_CHANNELS, type SurveyChannel } from '../../../common/domain/channels.js';
import type { FollowupStatus, Priority } from '../../../common/domain/followup-status.js';
import { bandOf, SCORE_SCALES, type SurveyType } from '../../../common/domain/metrics.js';
import { DEFAULT_SLA_POLICY, dueAt } from '../../../common/domain/sla.js';

/** Bumped whenever the output for a given seed changes, so cached databases are rebuilt. */
export const GENERATOR_VERSION = 1;

const DAY_MS = 86_400_000;

/** mulberry32: tiny, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Zipf-like: the first items are much more frequent, as companies and countries are. */
function pickSkewed<T>(random: Random, items: readonly T[]): T {
  const index = Math.min(items.length - 1, Math.floor(items.length * random() ** 3));
  return items[index] as T;
}

function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

export const SYNTHETIC_STAFF: readonly Staff[] = [
  'Ana Souza',
  'Bastien Moreau',
  'Chiara Bianchi',
  'Daniel Okafor',
  'Elif Yılmaz',
  'Freya Lindqvist',
  'Gustavo Pérez',
  'Hana Kobayashi',
  'Ines Fischer',
  'Jonas Berg',
  'Kofi Mensah',
  'Léa Dubois',
  'Mateo Rossi',
  'Nadia Haddad',
  'Oskar Nowak',
  'Priya Raman',
].map((name, i) => ({
  id: `st_${String(i + 1).padStart(2, '0')}`,
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}@loopdesk.example`,
  role: i < 2 ? 'manager' : 'agent',
  active: i !== 15,
}));

/** The staff member the benchmarks and e2e tests sign in as. */
export const SYNTHETIC_ME = SYNTHETIC_STAFF[2]!;

const PRODUCTS = ['Billing', 'Mobile app', 'Web app', 'Reporting', 'Integrations', 'Onboarding', 'API', 'Support'];
const COUNTRIES = ['US', 'DE', 'FR', 'GB', 'ES', 'BR', 'NL', 'IT', 'CA', 'SE', 'PL', 'JP', 'IN', 'AU', 'MX', 'PT'];
const LANGUAGES_BY_COUNTRY: Readonly<Record<string, string>> = {
  DE: 'de',
  FR: 'fr',
  ES: 'es',
  MX: 'es',
  BR: 'pt',
  PT: 'pt',
  NL: 'nl',
  IT: 'it',
  SE: 'sv',
  PL: 'pl',
  JP: 'ja',
};
const COMPANY_STEMS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent'];
const COMPANY_SUFFIXES = ['Corp', 'GmbH', 'SARL', 'Ltd', 'Inc', 'AB', 'BV', 'SpA', 'Labs', 'Group'];
const TAGS = ['enterprise', 'trial', 'churn-risk', 'beta', 'vip', 'renewal', 'self-serve', 'partner'];
const FIRST_NAMES = [
  'Alex',
  'Sam',
  'Maria',
  'Jan',
  'Lucía',
  'Zoë',
  'François',
  'Jürgen',
  'Aiko',
  'Chen',
  'Olu',
  'Noor',
];
const LAST_NAMES = [
  'Smith',
  'Müller',
  'García',
  'Dupont',
  'Rossi',
  'Kowalski',
  'Andersson',
  'Tanaka',
  'Silva',
  'Brown',
];

function companies(): readonly string[] {
  const names: string[] = [];
  for (const suffix of COMPANY_SUFFIXES) {
    for (const stem of COMPANY_STEMS) {
      for (let n = 0; n < 20; n += 1) names.push(n === 0 ? `${stem} ${suffix}` : `${stem} ${n} ${suffix}`);
    }
  }
  return names;
}
const COMPANIES = companies();

/** Comment fragments by band; the queue searches these, so some words are common, some rare. */
const PHRASES: Readonly<Record<'negative' | 'neutral' | 'positive', readonly string[]>> = {
  negative: [
    'The export keeps failing and support took three days to answer.',
    'Billing charged us twice this month, please fix the invoice.',
    'The mobile app is slow and crashes when I open reports.',
    'Onboarding was confusing, nobody explained the permissions.',
    'Le tableau de bord est très lent depuis la mise à jour.',
    'Die Synchronisierung schlägt ständig fehl, sehr ärgerlich.',
    'La facturación es confusa y el soporte no responde.',
    'Search does not find older tickets, which is frustrating.',
    'We lost data after the integration update.',
    'Pricing went up again without any new features.',
  ],
  neutral: [
    'It works, but the reports could be faster.',
    'Decent product, the API documentation needs examples.',
    'Fine overall; the mobile app feels dated.',
    'Ça fonctionne, mais l’interface pourrait être plus claire.',
    'Ganz okay, aber die Berichte sind unübersichtlich.',
    'Support was helpful but slow to respond.',
  ],
  positive: [
    'Great support team, they solved my issue in minutes.',
    'Love the new reporting dashboard, it saves us hours.',
    'The integrations just work. Excellent product.',
    'Très bon produit, l’équipe support est réactive.',
    'Sehr zufrieden mit der neuen Version, schnell und stabil.',
    'Muy útil para nuestro equipo, gracias.',
    'Onboarding was smooth and the docs are clear.',
  ],
};
const RARE_PHRASES = [
  'The quixotic zeppelin widget misbehaves on Tuesdays.',
  'Crème brûlée mode would be a delightful easter egg.',
];
const LINKS = ['https://status.example.com/incidents/42', 'https://example.com/help/export', 'www.example.org/faq'];

export interface GeneratorOptions {
  readonly seed: number;
  /** How many responses to generate. */
  readonly responses: number;
  /** The newest response is received shortly before this instant. */
  readonly now: number;
  /** How far back the oldest response goes. */
  readonly spanDays?: number;
}

/** Respondents answer about three times each over the span. */
const RESPONSES_PER_RESPONDENT = 3;

interface RespondentPlan {
  readonly user: EndUser;
  readonly company: string | null;
  readonly country: string | null;
}

export interface SyntheticCounts {
  responses: number;
  respondents: number;
  declines: number;
  followups: number;
  events: number;
}

/**
 * Yields the feed in pages of about `pageSize` changes, in an order a server could send:
 * staff first, each respondent before their first response, a follow-up after its response.
 */
export function* syntheticChangePages(options: GeneratorOptions, pageSize = 5000): Generator<Change[]> {
  const random = seededRandom(options.seed);
  const spanMs = (options.spanDays ?? 3 * 365) * DAY_MS;
  const start = options.now - spanMs;
  const respondentCount = Math.max(1, Math.ceil(options.responses / RESPONSES_PER_RESPONDENT));
  const respondents = new Map<number, RespondentPlan>();
  let page: Change[] = SYNTHETIC_STAFF.map((data) => ({ kind: 'staff', data }));

  for (let i = 0; i < options.responses; i += 1) {
    // Spread evenly over the span with jitter, so created_at is not in insertion order.
    const createdAt = Math.min(
      options.now - 60_000,
      Math.round(start + ((i + random()) / options.responses) * spanMs + (random() - 0.5) * 6 * 3_600_000),
    );
    const respondentIndex = Math.floor(random() * respondentCount);
    let respondent = respondents.get(respondentIndex);
    if (respondent === undefined) {
      respondent = planRespondent(random, respondentIndex, createdAt);
      respondents.set(respondentIndex, respondent);
      page.push({ kind: 'respondent', data: respondent.user });
    }
    if (random() < 0.04) page.push({ kind: 'decline', data: makeDecline(random, i, respondent, createdAt) });
    const response = makeResponse(random, i, respondent, createdAt);
    page.push({ kind: 'response', data: response });
    const followup = planFollowup(random, response, options.now);
    if (followup !== null) {
      page.push({ kind: 'followup', data: followup.followup });
      for (const event of followup.events) page.push({ kind: 'followup_event', data: event });
    }
    if (page.length >= pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function planRespondent(random: Random, index: number, firstSeen: number): RespondentPlan {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const hasName = random() < 0.7;
  const hasEmail = random() < 0.85;
  const country = random() < 0.97 ? pickSkewed(random, COUNTRIES) : null;
  const company = random() < 0.9 ? pickSkewed(random, COMPANIES) : null;
  const id = `eu_${index.toString(36)}`;
  return {
    company,
    country,
    user: {
      id,
      email: hasEmail
        ? `${first
            .toLowerCase()
            .normalize('NFD')
            .replace(/[^a-z]/g, '')}.${index}@customer.example`
        : null,
      external_id: random() < 0.6 ? `cust-${index}` : null,
      name: hasName ? `${first} ${last}` : null,
      phone: random() < 0.2 ? `+1555${String(index).padStart(7, '0').slice(-7)}` : null,
      properties: {
        plan: pick(random, ['free', 'team', 'business', 'enterprise']),
        seats: 1 + Math.floor(random() * 200),
      },
      restricted: random() < 0.01,
      objected: random() < 0.01,
      created_at: iso(firstSeen),
      updated_at: iso(firstSeen),
    },
  };
}

function scoreFor(random: Random, type: SurveyType): number {
  const scale = SCORE_SCALES[type];
  const band = weighted(random, [
    ['negative', 0.25],
    ['neutral', 0.3],
    ['positive', 0.45],
  ] as const);
  const [low, high] =
    band === 'negative'
      ? [scale.min, scale.negativeMax]
      : band === 'positive'
        ? [scale.positiveMin, scale.max]
        : [scale.negativeMax + 1, scale.positiveMin - 1];
  return low + Math.floor(random() * (high - low + 1));
}

function commentFor(random: Random, type: SurveyType, score: number): string | null {
  if (random() < 0.45) return null;
  if (random() < 0.0005) return pick(random, RARE_PHRASES);
  const phrases = PHRASES[bandOf(type, score)];
  let text = pick(random, phrases);
  if (random() < 0.35) text += ` ${pick(random, phrases)}`;
  if (random() < 0.03) text += ` See ${pick(random, LINKS)}`;
  return text;
}

function makeResponse(random: Random, index: number, respondent: RespondentPlan, createdAt: number): SurveyResponse {
  const type = weighted(random, [
    ['nps', 0.6],
    ['csat', 0.25],
    ['ces', 0.15],
  ] as const);
  const score = scoreFor(random, type);
  const channel: SurveyChannel = pick(random, SURVEY_CHANNELS);
  const tags = TAGS.filter(() => random() < 0.06);
  return {
    id: `r_${index.toString(36)}`,
    end_user_id: respondent.user.id,
    survey_type: type,
    score,
    text: commentFor(random, type, score),
    origin_url:
      channel === 'web' ? `https://app.example.com/${pick(random, ['dashboard', 'billing', 'reports'])}` : null,
    channel,
    product: pickSkewed(random, PRODUCTS),
    company: respondent.company,
    country: respondent.country,
    language: respondent.country === null ? null : (LANGUAGES_BY_COUNTRY[respondent.country] ?? 'en'),
    tags,
    excluded_from_calculations: random() < 0.01,
    created_at: iso(createdAt),
    updated_at: iso(createdAt),
  };
}

function makeDecline(random: Random, index: number, respondent: RespondentPlan, createdAt: number): Decline {
  return {
    id: `d_${index.toString(36)}`,
    end_user_id: respondent.user.id,
    survey_type: pick(random, ['nps', 'csat', 'ces'] as const),
    channel: pick(random, SURVEY_CHANNELS),
    product: pickSkewed(random, PRODUCTS),
    origin_url: null,
    created_at: iso(createdAt - 3_600_000),
  };
}

interface FollowupPlan {
  readonly followup: Followup;
  readonly events: readonly FollowupEvent[];
}

/** Detractors (and some passives) get a follow-up; older ones have moved further along. */
function planFollowup(random: Random, response: SurveyResponse, now: number): FollowupPlan | null {
  const band = bandOf(response.survey_type, response.score);
  if (band === 'positive' || (band === 'neutral' && random() < 0.7)) return null;
  const created = Date.parse(response.created_at);
  const ageDays = (now - created) / DAY_MS;
  const rule = DEFAULT_SLA_POLICY[response.survey_type][band];
  const status: FollowupStatus =
    ageDays > 30
      ? weighted(random, [
          ['informed', 0.5],
          ['done', 0.2],
          ['closed_no_action', 0.25],
          ['waiting', 0.05],
        ] as const)
      : weighted(random, [
          ['new', 0.35],
          ['assigned', 0.25],
          ['in_progress', 0.2],
          ['waiting', 0.1],
          ['done', 0.1],
        ] as const);
  const assignee = status === 'new' ? null : pick(random, SYNTHETIC_STAFF).id;
  const actor = assignee ?? SYNTHETIC_STAFF[0]!.id;
  const id = followupIdFor(response.id);
  const due = dueAt(rule, created);
  const contacted = status !== 'new' && status !== 'assigned' && random() < 0.9;
  const contactAt = created + Math.round(random() * 3 * DAY_MS);
  const updated = Math.min(now - 1000, contacted ? contactAt : created + 60_000);
  const events: FollowupEvent[] = [
    { id: `${id}.e1`, followup_id: id, actor_id: actor, at: iso(created), data: { kind: 'created' } },
  ];
  if (assignee !== null) {
    events.push({
      id: `${id}.e2`,
      followup_id: id,
      actor_id: SYNTHETIC_STAFF[0]!.id,
      at: iso(created + 30_000),
      data: { kind: 'assigned', assignee_id: assignee, previous_assignee_id: null },
    });
  }
  if (contacted) {
    events.push({
      id: `${id}.e3`,
      followup_id: id,
      actor_id: actor,
      at: iso(Math.min(updated, contactAt)),
      data: {
        kind: 'contact_logged',
        contact_id: `${id}.c1`,
        contact: {
          channel: pick(random, ['email', 'phone'] as const),
          direction: 'outbound',
          outcome: pick(random, ['reached', 'no_answer', 'left_message'] as const),
          note: 'Called about their feedback.',
          contacted_at: iso(Math.min(updated, contactAt)),
        },
      },
    });
  }
  const priority: Priority = rule.priority;
  const done = status === 'done' || status === 'informed';
  return {
    events,
    followup: {
      id,
      response_id: response.id,
      end_user_id: response.end_user_id,
      status,
      assignee_id: assignee,
      priority,
      due_at: due === null ? null : iso(due),
      first_contact_at: contacted ? iso(Math.min(updated, contactAt)) : null,
      done_at: done ? iso(updated) : null,
      informed_at: status === 'informed' ? iso(updated) : null,
      closed_reason: status === 'closed_no_action' ? 'Customer did not want a follow-up.' : null,
      action_summary: done ? 'Explained the fix and credited the invoice.' : null,
      root_causes: done ? [pick(random, ['billing', 'performance', 'onboarding', 'bug'])] : [],
      tags: random() < 0.1 ? [pick(random, TAGS)] : [],
      version: events.length,
      created_at: iso(created),
      updated_at: iso(Math.max(created, updated)),
    },
  };
}

/** Counts what a run yields, for reports. */
export function countChanges(pages: Iterable<readonly Change[]>): SyntheticCounts {
  const counts: SyntheticCounts = { responses: 0, respondents: 0, declines: 0, followups: 0, events: 0 };
  for (const page of pages) {
    for (const change of page) {
      if (change.kind === 'response') counts.responses += 1;
      else if (change.kind === 'respondent') counts.respondents += 1;
      else if (change.kind === 'decline') counts.declines += 1;
      else if (change.kind === 'followup') counts.followups += 1;
      else if (change.kind === 'followup_event') counts.events += 1;
    }
  }
  return counts;
}
