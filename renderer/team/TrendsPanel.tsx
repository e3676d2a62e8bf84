// Score trends: NPS, CSAT or CES per week or month with response counts, overall or by
// product or country, and the band split; excluded responses are left out by the core. Each
// chart has a text summary and a data table with the same figures (Chart / Table switch).
import { useState } from 'react';
import type uPlot from 'uplot';
import { METRIC_LABELS, SCORE_SCALES, SURVEY_TYPES, type SurveyType } from '../../common/domain/metrics.js';
import {
  bandShare,
  HEADLINE_LABELS,
  headlineScore,
  secondaryScore,
  tallyResponses,
  type ScoreTally,
  type TeamTrends,
  type TrendSeries,
} from '../../common/team/trends.js';
import { bandSplit, scoreByGroup, scoreWithCounts } from './charts/score-charts.js';
import { UPlotChart } from './charts/UPlotChart.js';
import { formatBucket, formatBucketShort, formatCount, formatPercent, formatScore } from './format.js';
import { Segmented } from './Segmented.js';
import { ScrollableTable } from './ScrollableTable';

export type TrendView = 'chart' | 'table';

function groupName(series: TrendSeries): string {
  return series.group === undefined ? 'All' : (series.group ?? 'Unknown');
}

function bandNames(metric: SurveyType): [string, string, string] {
  const labels = SCORE_SCALES[metric].bandLabels;
  return [labels.negative, labels.neutral, labels.positive];
}

/** One sentence for screen readers and for a glance: the period's score and its last bucket. */
function summary(trends: TeamTrends, metric: SurveyType, series: readonly TrendSeries[]): string {
  if (series.length === 0) return `No ${METRIC_LABELS[metric]} responses in this period.`;
  if (trends.breakdown !== 'none') {
    const parts = series.map((s) => `${groupName(s)} ${formatScore(headlineScore(metric, s.total), metric)}`);
    return `${HEADLINE_LABELS[metric]} over the period by ${trends.breakdown}: ${parts.join(', ')}.`;
  }
  const [only] = series;
  if (only === undefined) return '';
  const lastIndex = only.tallies.findLastIndex((t) => tallyResponses(t) > 0);
  const last = only.tallies[lastIndex];
  const bucket = trends.buckets[lastIndex];
  const latest =
    last === undefined || bucket === undefined
      ? ''
      : ` ${formatBucket(bucket, trends.granularity)}: ${formatScore(headlineScore(metric, last), metric)}.`;
  return `${HEADLINE_LABELS[metric]} ${formatScore(headlineScore(metric, only.total), metric)} over the period, from ${formatCount(tallyResponses(only.total))} responses.${latest}`;
}

function OverallTable({
  trends,
  metric,
  series,
}: {
  readonly trends: TeamTrends;
  readonly metric: SurveyType;
  readonly series: TrendSeries;
}) {
  const [negative, neutral, positive] = bandNames(metric);
  const row = (label: string, tally: ScoreTally, key: string) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      <td className="num">{formatCount(tallyResponses(tally))}</td>
      <td className="num">
        {formatCount(tally.negative)} <span className="muted">({formatPercent(bandShare(tally, 'negative'))})</span>
      </td>
      <td className="num">
        {formatCount(tally.neutral)} <span className="muted">({formatPercent(bandShare(tally, 'neutral'))})</span>
      </td>
      <td className="num">
        {formatCount(tally.positive)} <span className="muted">({formatPercent(bandShare(tally, 'positive'))})</span>
      </td>
      <td className="num strong">{formatScore(headlineScore(metric, tally), metric)}</td>
      {metric === 'ces' && <td className="num">{formatPercent(secondaryScore(metric, tally))}</td>}
    </tr>
  );
  return (
    <ScrollableTable label={`${METRIC_LABELS[metric]} by ${trends.granularity}`}>
      <table className="data-table">
        <caption className="visually-hidden">
          {METRIC_LABELS[metric]} by {trends.granularity}, with the band split
        </caption>
        <thead>
          <tr>
            <th scope="col">{trends.granularity === 'week' ? 'Week' : 'Month'}</th>
            <th scope="col" className="num">
              Responses
            </th>
            <th scope="col" className="num">
              {negative}
            </th>
            <th scope="col" className="num">
              {neutral}
            </th>
            <th scope="col" className="num">
              {positive}
            </th>
            <th scope="col" className="num">
              {HEADLINE_LABELS[metric]}
            </th>
            {metric === 'ces' && (
              <th scope="col" className="num">
                Low effort (6–7)
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {series.tallies.map((tally, i) => {
            const bucket = trends.buckets[i];
            return bucket === undefined
              ? null
              : row(formatBucket(bucket, trends.granularity), tally, String(bucket.from));
          })}
        </tbody>
        <tfoot>{row('Whole period', series.total, 'total')}</tfoot>
      </table>
    </ScrollableTable>
  );
}

function GroupTable({
  trends,
  metric,
  series,
}: {
  readonly trends: TeamTrends;
  readonly metric: SurveyType;
  readonly series: readonly TrendSeries[];
}) {
  return (
    <ScrollableTable label={`${METRIC_LABELS[metric]} by ${trends.granularity} and ${trends.breakdown}`}>
      <table className="data-table">
        <caption className="visually-hidden">
          {METRIC_LABELS[metric]} by {trends.granularity} and {trends.breakdown}
        </caption>
        <thead>
          <tr>
            <th scope="col">{trends.granularity === 'week' ? 'Week' : 'Month'}</th>
            {series.map((s) => (
              <th key={groupName(s)} scope="col" className="num">
                {groupName(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trends.buckets.map((bucket, i) => (
            <tr key={bucket.from}>
              <th scope="row">{formatBucket(bucket, trends.granularity)}</th>
              {series.map((s) => {
                const tally = s.tallies[i];
                return (
                  <td key={groupName(s)} className="num">
                    {tally === undefined || tallyResponses(tally) === 0 ? (
                      '–'
                    ) : (
                      <>
                        {formatScore(headlineScore(metric, tally), metric)}{' '}
                        <span className="muted">({formatCount(tallyResponses(tally))})</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Whole period</th>
            {series.map((s) => (
              <td key={groupName(s)} className="num strong">
                {formatScore(headlineScore(metric, s.total), metric)}{' '}
                <span className="muted">({formatCount(tallyResponses(s.total))})</span>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollableTable>
  );
}

export function TrendsPanel({ trends, view }: { readonly trends: TeamTrends; readonly view: TrendView }) {
  const available = SURVEY_TYPES.filter((m) => trends.series.some((s) => s.metric === m));
  const [chosen, setChosen] = useState<SurveyType>('nps');
  const metric = available.includes(chosen) ? chosen : (available[0] ?? chosen);
  const series = trends.series.filter((s) => s.metric === metric);
  const other = trends.others.find((o) => o.metric === metric);
  const x = trends.buckets.map((_, i) => i);
  const labels = trends.buckets.map((b) => formatBucketShort(b, trends.granularity));
  const [only] = series;
  const overall = trends.breakdown === 'none';

  const scoreData: uPlot.AlignedData = overall
    ? [x, only?.tallies.map(tallyResponses) ?? [], only?.tallies.map((t) => headlineScore(metric, t)) ?? []]
    : [x, ...series.map((s) => s.tallies.map((t) => headlineScore(metric, t)))];
  const splitData: uPlot.AlignedData = [
    x,
    only?.tallies.map((t) => (tallyResponses(t) === 0 ? null : 100)) ?? [],
    only?.tallies.map((t) =>
      tallyResponses(t) === 0 ? null : (bandShare(t, 'negative') ?? 0) + (bandShare(t, 'neutral') ?? 0),
    ) ?? [],
    only?.tallies.map((t) => bandShare(t, 'negative')) ?? [],
  ];
  const [negative, neutral, positive] = bandNames(metric);
  const groups = series.map(groupName);

  return (
    <div className="trends">
      <Segmented
        label="Metric"
        value={metric}
        options={SURVEY_TYPES.map((m) => [m, METRIC_LABELS[m]] as const)}
        onChange={setChosen}
      />
      <p className="chart-summary">{summary(trends, metric, series)}</p>
      {series.length === 0 ? null : view === 'chart' ? (
        <>
          <figure className="chart-figure">
            <UPlotChart
              shape={`score:${metric}:${trends.breakdown}:${groups.join('|')}:${labels.join('|')}`}
              options={(theme) =>
                overall ? scoreWithCounts(theme, metric, labels) : scoreByGroup(theme, metric, labels, groups)
              }
              data={scoreData}
            />
            <figcaption className="chart-legend">
              {overall ? (
                <>
                  <span className="legend-item legend-line">{HEADLINE_LABELS[metric]}</span>
                  <span className="legend-item legend-bar">Responses</span>
                </>
              ) : (
                groups.map((g, i) => (
                  <span key={g} className={`legend-item legend-series-${(i % 6) + 1}`}>
                    {g}
                  </span>
                ))
              )}
            </figcaption>
          </figure>
          {overall && (
            <figure className="chart-figure">
              <UPlotChart
                shape={`split:${metric}:${labels.join('|')}`}
                options={(theme) => bandSplit(theme, labels)}
                data={splitData}
              />
              <figcaption className="chart-legend">
                <span className="legend-item legend-negative">{negative}</span>
                <span className="legend-item legend-neutral">{neutral}</span>
                <span className="legend-item legend-positive">{positive}</span>
              </figcaption>
            </figure>
          )}
        </>
      ) : overall && only !== undefined ? (
        <OverallTable trends={trends} metric={metric} series={only} />
      ) : (
        <GroupTable trends={trends} metric={metric} series={series} />
      )}
      {other !== undefined && (
        <p className="muted">
          {formatCount(other.groups)} smaller {trends.breakdown === 'country' ? 'countries' : 'products'} (
          {formatCount(tallyResponses(other.total))} responses) are not drawn: {HEADLINE_LABELS[metric]}{' '}
          {formatScore(headlineScore(metric, other.total), metric)} together.
        </p>
      )}
    </div>
  );
}
