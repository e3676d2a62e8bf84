// The demo data set: deterministic, current relative to "now", and shaped like a real
// feedback programme (metric mix, score distributions, comments, languages, follow-ups).
import { beforeAll, describe, expect, it } from 'vitest';
import { Change } from '../../../common/api/changes.js';
import type { Followup, FollowupEvent, SurveyResponse, EndUser, Decline } from '../../../common/api/records.js';
import { bandOf } from '../../../common/domain/metrics.js';
import { countBands, netPromoterScore } from '../../../common/domain/scores.js';
import { generateDemo, type DemoStats } from '../../../server/demo/generate.js';
import { Store } from '../../../server/store/store.js';
import { loggedChanges } from '../../support/logged-changes.js';

const NOW = new Date('2026-03-15T09:30:00.000Z');
const DAY = 86_400_000;

function changesOf(store: Store): Change[] {
  return loggedChanges(store) as Change[];
}

describe('generateDemo determinism', () => {
  it('yields the same data for the same seed and now, and other data for another seed', () => {
    const run = (seed: number) => {
      const store = Store.open(null);
      generateDemo(store, { responses: 1500, seed, now: NOW });
      const payloads = loggedChanges(store);
      store.close();
      return payloads;
    };
    const a = run(9);
    expect(run(9)).toEqual(a);
    expect(run(10)).not.toEqual(a);
    for (const payload of a) Change.parse(payload);
  });
});

describe('generateDemo(20,000)', () => {
  let stats: DemoStats;
  const responses: SurveyResponse[] = [];
  const respondents = new Map<string, EndUser>();
  const declines: Decline[] = [];
  const followups: Followup[] = [];
  const events: FollowupEvent[] = [];

  beforeAll(() => {
    const store = Store.open(null);
    stats = generateDemo(store, { responses: 20_000, seed: 1, now: NOW });
    console.log(`demo: 20,000 responses generated in ${stats.ms} ms`, stats);
    for (const c of changesOf(store)) {
      if (c.kind === 'response') responses.push(c.data);
      if (c.kind === 'respondent') respondents.set(c.data.id, c.data);
      if (c.kind === 'decline') declines.push(c.data);
      if (c.kind === 'followup') followups.push(c.data);
      if (c.kind === 'followup_event') events.push(c.data);
    }
    store.close();
  });

  it('is fast enough to generate at app start', () => {
    expect(stats.responses).toBe(20_000);
    expect(stats.ms).toBeLessThan(6_000);
  });

  it('mixes NPS, CSAT and CES, with scores distributed as programmes see them', () => {
    const share = (type: string) => responses.filter((r) => r.survey_type === type).length / responses.length;
    expect(share('nps')).toBeGreaterThan(0.45);
    expect(share('nps')).toBeLessThan(0.65);
    expect(share('csat')).toBeGreaterThan(0.2);
    expect(share('ces')).toBeGreaterThan(0.08);
    const nps = responses.filter((r) => r.survey_type === 'nps').map((r) => r.score);
    const bands = countBands('nps', nps);
    expect(netPromoterScore(bands)).toBeGreaterThan(0);
    expect(netPromoterScore(bands)).toBeLessThan(50);
    expect(bands.negative / nps.length).toBeGreaterThan(0.12);
    expect(new Set(nps)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const csatTop2 = responses.filter((r) => r.survey_type === 'csat' && r.score >= 4).length;
    expect(csatTop2 / responses.filter((r) => r.survey_type === 'csat').length).toBeGreaterThan(0.6);
  });

  it('gives 40–60% of responses a comment, in six languages, with many distinct comments', () => {
    const comments = responses.filter((r) => r.text !== null);
    expect(comments.length / responses.length).toBeGreaterThan(0.4);
    expect(comments.length / responses.length).toBeLessThan(0.6);
    expect(new Set(comments.map((r) => r.language))).toEqual(new Set(['en', 'sv', 'nb', 'da', 'fi', 'nl']));
    expect(new Set(comments.map((r) => r.text)).size).toBeGreaterThan(comments.length * 0.5);
    const all = comments.map((r) => r.text).join('\n');
    for (const letter of ['å', 'ä', 'ö', 'ø', 'æ']) expect(all).toContain(letter);
    expect(all).not.toMatch(/\{\w+\}/);
    // Unhappy people complain, happy people praise.
    const negatives = comments.filter((r) => bandOf(r.survey_type, r.score) === 'negative' && r.language === 'en');
    expect(negatives.some((r) => /expensive|price|pricing/i.test(r.text ?? ''))).toBe(true);
    expect(negatives.some((r) => /support/i.test(r.text ?? ''))).toBe(true);
  });

  it('covers products, companies, countries, every channel, and declines', () => {
    expect(new Set(responses.map((r) => r.channel))).toEqual(new Set(['web', 'in_app', 'mobile', 'email', 'link']));
    expect(new Set(responses.map((r) => r.product)).size).toBe(5);
    expect(new Set(responses.map((r) => r.company)).size).toBeGreaterThan(40);
    expect(new Set(responses.map((r) => r.country)).size).toBeGreaterThanOrEqual(8);
    expect(declines.length / responses.length).toBeGreaterThan(0.05);
  });

  it('spans three years up to "now", with returning respondents', () => {
    const times = responses.map((r) => Date.parse(r.created_at));
    expect(Math.min(...times)).toBeGreaterThan(NOW.getTime() - 3 * 366 * DAY);
    expect(Math.min(...times)).toBeLessThan(NOW.getTime() - 3 * 360 * DAY);
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    expect(Math.max(...times)).toBeGreaterThan(NOW.getTime() - DAY);
    const byRespondent = new Map<string, number[]>();
    for (const r of responses)
      byRespondent.set(r.end_user_id, [...(byRespondent.get(r.end_user_id) ?? []), Date.parse(r.created_at)]);
    const returning = [...byRespondent.values()].filter(
      (t) => t.length >= 3 && Math.max(...t) - Math.min(...t) > 365 * DAY,
    );
    expect(returning.length).toBeGreaterThan(100);
  });

  it('includes restricted, objected and unreachable respondents', () => {
    const people = [...respondents.values()];
    expect(people.filter((p) => p.restricted).length).toBeGreaterThan(10);
    expect(people.filter((p) => p.objected).length).toBeGreaterThan(10);
    expect(people.filter((p) => p.email === null).length).toBeGreaterThan(100);
    expect(people.filter((p) => p.email === null && p.phone === null).length).toBeGreaterThan(10);
  });

  it('has follow-ups for detractors: old loops closed by several staff, recent ones new', () => {
    const negatives = responses.filter((r) => bandOf(r.survey_type, r.score) === 'negative');
    expect(followups.length).toBe(negatives.length);
    const statuses = new Set(followups.map((f) => f.status));
    for (const s of ['new', 'assigned', 'in_progress', 'done', 'informed', 'closed_no_action'])
      expect(statuses).toContain(s);
    const recent = followups.filter((f) => Date.parse(f.created_at) > NOW.getTime() - 2 * DAY);
    expect(recent.length).toBeGreaterThan(2);
    expect(recent.filter((f) => f.status === 'new').length / recent.length).toBeGreaterThan(0.3);
    const old = followups.filter((f) => Date.parse(f.created_at) < NOW.getTime() - 60 * DAY);
    expect(
      old.filter((f) => ['informed', 'done', 'closed_no_action'].includes(f.status)).length / old.length,
    ).toBeGreaterThan(0.9);
    const actors = new Set(events.filter((e) => e.actor_id !== 'system').map((e) => e.actor_id));
    expect(actors.size).toBeGreaterThanOrEqual(5);
    const kinds = new Set(events.map((e) => e.data.kind));
    for (const k of ['created', 'assigned', 'contact_logged', 'note_added', 'done', 'informed', 'status_set'])
      expect(kinds).toContain(k);
    for (const e of events) expect(Date.parse(e.at)).toBeLessThan(NOW.getTime());
    // Nobody contacted a respondent who objected or restricted processing.
    const byFollowup = new Map(followups.map((f) => [f.id, f]));
    for (const e of events.filter((x) => x.data.kind === 'contact_logged')) {
      const who = respondents.get(byFollowup.get(e.followup_id)?.end_user_id ?? '');
      expect([who?.objected, who?.restricted]).toEqual([false, false]);
    }
  });
});
