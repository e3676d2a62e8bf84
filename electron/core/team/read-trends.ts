// Score trends (common/team/trends.ts). Each count — responses of one bucket with one metric,
// score and product (or country) — is one range of responses_team_scores_product (or
// _country), read by a correlated subquery: a few thousand index ranges and no sort, where a
// GROUP BY over a year's rows would sort them all. The index holds only responses that count
// (excluded_from_calculations = 0, written literally so that the partial index applies).
// Without a breakdown the products' counts are added up here. Scores become band tallies
// with the bands of common/domain/metrics.ts; the scores themselves are computed from the
// tallies by common/team/trends.ts.
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
import { distinctValues, type GroupColumn } from './distinct-values.js';
import { indexedBy } from './index-hint.js';

export interface TrendRequest {
  readonly period: Period;
  readonly granularity: Granularity;
  readonly breakdown: TrendBreakdown;
  readonly filters: TeamFilters;
}

interface CountRow {
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

/** Every (metric, score, group) the filters allow: the ranges to count in each bucket. */
function combinations(metrics: readonly SurveyType[], groups: readonly (string | null)[]): unknown[][] {
  const rows: unknown[][] = [];
  for (const metric of metrics) {
    const scale = SCORE_SCALES[metric];
    for (let score = scale.min; score <= scale.max; score += 1) {
      for (const group of groups) rows.push([metric, score, group]);
    }
  }
  return rows;
}

function countRows(db: Db, request: TrendRequest, buckets: readonly Period[], now: number): CountRow[] {
  const column: GroupColumn = request.breakdown === 'country' ? 'country' : 'product';
  const chosen = request.filters[column];
  const groups = chosen.length > 0 ? chosen : distinctValues(db, column);
  const metrics = request.filters.metric.length > 0 ? request.filters.metric : SURVEY_TYPES;
  const combos = combinations(metrics, groups);
  if (combos.length === 0 || buckets.length === 0) return [];
  const cte = bucketsCte(buckets);
  const filter = filterWhere(teamQueueFilters(request.filters), { me: readMe(db), now, probe: DRIVE_ALL });
  const text =
    `${cte.sql}, c(t, s, g) AS (VALUES ${combos.map(() => `(${placeholders(3)})`).join(', ')}) ` +
    'SELECT * FROM (SELECT b.i AS i, c.t AS t, c.s AS s, c.g AS g, ' +
    `(SELECT count(*) FROM responses ${indexedBy(db, `responses_team_scores_${column}`)} ` +
    `WHERE survey_type = c.t AND score = c.s AND ${column} IS c.g AND created_at >= b.lo AND created_at < b.hi ` +
    `AND excluded_from_calculations = 0 AND (${filter.sql})) AS n FROM buckets b, c) WHERE n > 0`;
  return queueStatement(db, text).all(...cte.params, ...combos.flat(), ...filter.params) as CountRow[];
}

export function readTrends(db: Db, request: TrendRequest, now: number): TeamTrends {
  const buckets = periodBuckets(request.period, request.granularity);
  const series = new Map<string, { metric: SurveyType; group: string | null; tallies: ScoreTally[] }>();
  for (const row of countRows(db, request, buckets, now)) {
    const group = request.breakdown === 'none' ? null : row.g;
    const key = `${row.t}\u0000${group ?? '\u0001'}`;
    let entry = series.get(key);
    if (entry === undefined) {
      entry = { metric: row.t, group, tallies: buckets.map(() => EMPTY_TALLY) };
      series.set(key, entry);
    }
    entry.tallies[row.i] = addScore(entry.tallies[row.i] ?? EMPTY_TALLY, row.t, row.s, row.n);
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
