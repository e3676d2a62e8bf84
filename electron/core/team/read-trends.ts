// Score trends (common/team/trends.ts). Each count — responses of one bucket with one metric
// and score — is one range of responses_team_scores (metric, score, received, …), read by a
// correlated subquery: about a thousand index ranges and no sort of the year's rows, which a
// GROUP BY over them would need. A breakdown groups each range's few rows by product or
// country. The index holds only responses that count (excluded_from_calculations = 0,
// written literally so that the partial index applies). Scores become band tallies with the
// bands of common/domain/metrics.ts; the scores themselves are computed from the tallies by
// common/team/trends.ts.
import { bandOf, SCORE_SCALES, SURVEY_TYPES, type SurveyType } from '../../../common/domain/metrics.js';
import { teamQueueFilters, type TeamFilters } from '../../../common/team/filters.js';
import { periodBuckets, type Granularity, type Period } from '../../../common/team/period.js';
import {
  EMPTY_TALLY,
  MAX_TREND_GROUPS,
  tallyResponses,
  type ScoreTally,
  type TeamTrends,
  type TrendBreakdown,
  type TrendSeries,
} from '../../../common/team/trends.js';
import type { Db } from '../db/sqlite.js';
import { readMe } from '../queue/queue-context.js';
import { queueStatement } from '../queue/queue-statements.js';
import { DRIVE_ALL, filterWhere } from '../queue/sql/filters.js';
import { placeholders } from '../queue/sql/sql-fragment.js';
import { bucketsCte } from './buckets-sql.js';
import { indexedBy } from './index-hint.js';

export interface TrendRequest {
  readonly period: Period;
  readonly granularity: Granularity;
  readonly breakdown: TrendBreakdown;
  readonly filters: TeamFilters;
}

/** One count: bucket i, metric t, score s, group g (null without a breakdown or for an unknown country). */
interface Count {
  readonly i: number;
  readonly t: SurveyType;
  readonly s: number;
  readonly g: string | null;
  readonly n: number;
}

function addScore(tally: ScoreTally, metric: SurveyType, score: number, n: number): ScoreTally {
  const band = bandOf(metric, score);
  return { ...tally, [band]: tally[band] + n, scoreSum: tally.scoreSum + score * n };
}

function sumTallies(a: ScoreTally, b: ScoreTally): ScoreTally {
  return {
    negative: a.negative + b.negative,
    neutral: a.neutral + b.neutral,
    positive: a.positive + b.positive,
    scoreSum: a.scoreSum + b.scoreSum,
  };
}

/** Every (metric, score) the filters allow: the ranges to count in each bucket. */
function scores(metrics: readonly SurveyType[]): [SurveyType, number][] {
  return metrics.flatMap((metric) => {
    const scale = SCORE_SCALES[metric];
    return Array.from({ length: scale.max - scale.min + 1 }, (_, i): [SurveyType, number] => [metric, scale.min + i]);
  });
}

function readCounts(db: Db, request: TrendRequest, buckets: readonly Period[], now: number): Count[] {
  const metrics = request.filters.metric.length > 0 ? request.filters.metric : SURVEY_TYPES;
  const combos = scores(metrics);
  if (buckets.length === 0) return [];
  const cte = bucketsCte(buckets);
  const filter = filterWhere(teamQueueFilters(request.filters), { me: readMe(db), now, probe: DRIVE_ALL });
  const range =
    `FROM responses ${indexedBy(db, 'responses_team_scores')} WHERE survey_type = c.t AND score = c.s ` +
    `AND created_at >= b.lo AND created_at < b.hi AND excluded_from_calculations = 0 AND (${filter.sql})`;
  const group = request.breakdown === 'none' ? null : request.breakdown;
  // Without a breakdown, a count; with one, [[group, count], …] from the range's rows.
  const value =
    group === null
      ? `(SELECT count(*) ${range})`
      : `(SELECT json_group_array(json_array(g, n)) FROM (SELECT ${group} AS g, count(*) AS n ${range} GROUP BY ${group}))`;
  const text =
    `${cte.sql}, c(t, s) AS (VALUES ${combos.map(() => `(${placeholders(2)})`).join(', ')}) ` +
    `SELECT b.i AS i, c.t AS t, c.s AS s, ${value} AS v FROM buckets b, c`;
  const rows = queueStatement(db, text).all(...cte.params, ...combos.flat(), ...filter.params) as {
    readonly i: number;
    readonly t: SurveyType;
    readonly s: number;
    readonly v: number | string;
  }[];
  // Zero counts are dropped here: a WHERE on v would make SQLite read each range twice.
  return rows.flatMap((row): Count[] => {
    if (typeof row.v === 'number') return row.v > 0 ? [{ i: row.i, t: row.t, s: row.s, g: null, n: row.v }] : [];
    return (JSON.parse(row.v) as [string | null, number][]).map(([g, n]) => ({ i: row.i, t: row.t, s: row.s, g, n }));
  });
}

export function readTrends(db: Db, request: TrendRequest, now: number): TeamTrends {
  const buckets = periodBuckets(request.period, request.granularity);
  const series = new Map<string, { metric: SurveyType; group: string | null; tallies: ScoreTally[] }>();
  for (const count of readCounts(db, request, buckets, now)) {
    const key = `${count.t}\u0000${count.g ?? '\u0001'}`;
    let entry = series.get(key);
    if (entry === undefined) {
      entry = { metric: count.t, group: count.g, tallies: buckets.map(() => EMPTY_TALLY) };
      series.set(key, entry);
    }
    entry.tallies[count.i] = addScore(entry.tallies[count.i] ?? EMPTY_TALLY, count.t, count.s, count.n);
  }
  const withTotals: TrendSeries[] = [...series.values()].map((s) => ({
    metric: s.metric,
    ...(request.breakdown === 'none' ? {} : { group: s.group }),
    tallies: s.tallies,
    total: s.tallies.reduce(sumTallies, EMPTY_TALLY),
  }));
  const kept: TrendSeries[] = [];
  const others: TeamTrends['others'] = [];
  for (const metric of SURVEY_TYPES) {
    const ofMetric = withTotals
      .filter((s) => s.metric === metric)
      .sort(
        (a, b) => tallyResponses(b.total) - tallyResponses(a.total) || String(a.group).localeCompare(String(b.group)),
      );
    kept.push(...ofMetric.slice(0, MAX_TREND_GROUPS));
    const rest = ofMetric.slice(MAX_TREND_GROUPS);
    if (rest.length > 0) {
      others.push({ metric, groups: rest.length, total: rest.map((s) => s.total).reduce(sumTallies, EMPTY_TALLY) });
    }
  }
  return {
    period: request.period,
    granularity: request.granularity,
    breakdown: request.breakdown,
    buckets,
    series: kept,
    others,
  };
}
