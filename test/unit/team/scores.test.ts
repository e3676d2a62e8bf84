// The score maths of the Team view's trends, checked by hand: common/domain/scores.ts on
// its own, and through the SQL that tallies responses (excluded ones left out).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cesLowEffortPercent,
  cesMean,
  cesMeanOfTotal,
  csatPercent,
  netPromoterScore,
} from '../../../common/domain/scores.js';
import { EMPTY_TEAM_FILTERS } from '../../../common/team/filters.js';
import { bandShare, headlineScore, secondaryScore, tallyResponses } from '../../../common/team/trends.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { readTrends } from '../../../electron/core/team/read-trends.js';
import { openTestDatabase } from '../db/support/test-database.js';
import { hours, writeLoops, type LoopCase } from './support/team-fixture.js';

describe('score maths', () => {
  it('NPS: 46 promoters, 24 passives and 5 detractors give 55', () => {
    // 46/75 = 61.33 % promoters, 5/75 = 6.67 % detractors: 54.67, rounded to 55.
    expect(netPromoterScore({ positive: 46, neutral: 24, negative: 5 })).toBe(55);
  });

  it('NPS runs from −100 to 100 and is null without responses', () => {
    expect(netPromoterScore({ positive: 0, neutral: 0, negative: 3 })).toBe(-100);
    expect(netPromoterScore({ positive: 2, neutral: 0, negative: 0 })).toBe(100);
    expect(netPromoterScore({ positive: 0, neutral: 0, negative: 0 })).toBeNull();
  });

  it('CSAT is the top-2-box share: 4s and 5s over all answers', () => {
    // 5, 5, 4 satisfied; 3 neutral; 2, 1, 1 unsatisfied: 3/7 = 42.857… → 42.9.
    expect(csatPercent({ positive: 3, neutral: 1, negative: 3 })).toBe(42.9);
  });

  it('CES has two readings: the mean score and the share of low-effort (6–7) answers', () => {
    const scores = [7, 6, 6, 5, 4, 2, 1, 7];
    // Sum 38 over 8 = 4.75; low effort 7, 6, 6, 7 = 4/8 = 50 %.
    expect(cesMean(scores)).toBe(4.75);
    expect(cesMeanOfTotal(38, 8)).toBe(4.75);
    expect(cesLowEffortPercent({ positive: 4, neutral: 2, negative: 2 })).toBe(50);
    expect(cesMeanOfTotal(0, 0)).toBeNull();
  });
});

describe('score trends in SQL', () => {
  let db: Db;
  beforeEach(() => {
    db = openTestDatabase().db;
  });
  afterEach(() => {
    db.close();
  });

  function responses(metric: LoopCase['metric'], scores: readonly number[], extra: Partial<LoopCase> = {}): LoopCase[] {
    return scores.map((score, i) => ({
      id: `${metric ?? 'x'}-${extra.product ?? ''}-${i}-${extra.received ?? 0}`,
      metric,
      score,
      ...extra,
    }));
  }

  const WEEK = { from: hours(0), to: hours(14 * 24) };

  it('tallies the bands and scores per bucket, leaving excluded responses out', () => {
    writeLoops(
      db,
      [
        ...responses('nps', [...Array<number>(46).fill(9), ...Array<number>(24).fill(7), ...Array<number>(5).fill(3)]),
        // Excluded: would turn the NPS negative if counted.
        ...responses('nps', Array<number>(50).fill(0), { excluded: true, product: 'x' }),
        ...responses('csat', [5, 5, 4, 3, 2, 1, 1]),
        ...responses('ces', [7, 6, 6, 5, 4, 2, 1, 7], { received: 8 * 24 }),
      ],
      { followups: false },
    );
    const trends = readTrends(
      db,
      { period: WEEK, granularity: 'week', breakdown: 'none', filters: EMPTY_TEAM_FILTERS },
      hours(1000),
    );
    // 2025-03-03 is a Monday: two whole weeks.
    expect(trends.buckets).toHaveLength(2);
    const of = (metric: string) => trends.series.find((s) => s.metric === metric)!;
    expect(tallyResponses(of('nps').total)).toBe(75);
    expect(headlineScore('nps', of('nps').total)).toBe(55);
    expect(bandShare(of('nps').total, 'neutral')).toBe(32);
    expect(headlineScore('csat', of('csat').total)).toBe(42.9);
    expect(headlineScore('ces', of('ces').total)).toBe(4.75);
    expect(secondaryScore('ces', of('ces').total)).toBe(50);
    // The CES answers came in the second week.
    expect(of('ces').tallies.map(tallyResponses)).toEqual([0, 8]);
    expect(of('nps').tallies.map(tallyResponses)).toEqual([75, 0]);
  });

  it('breaks down by product, largest first', () => {
    writeLoops(
      db,
      [...responses('nps', [10, 10, 0], { product: 'Big' }), ...responses('nps', [0], { product: 'Small' })],
      { followups: false },
    );
    const trends = readTrends(
      db,
      { period: WEEK, granularity: 'month', breakdown: 'product', filters: EMPTY_TEAM_FILTERS },
      hours(1000),
    );
    expect(trends.series.map((s) => [s.group, headlineScore('nps', s.total)])).toEqual([
      ['Big', 33],
      ['Small', -100],
    ]);
  });
});
