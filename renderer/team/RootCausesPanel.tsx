// Root causes named when loops were closed in the period, most frequent first, with the
// previous period beside them and their trend: what to fix first. The five most frequent
// are charted; the table is the complete, accessible view.
import type uPlot from 'uplot';
import type { TeamRootCauses } from '../../common/team/root-causes.js';
import { countLines } from './charts/score-charts.js';
import { UPlotChart } from './charts/UPlotChart.js';
import { formatBucket, formatBucketShort, formatCount, formatPercent } from './format.js';
import type { TrendView } from './TrendsPanel.js';
import { ScrollableTable } from './ScrollableTable';

const CHARTED = 5;

export function RootCausesPanel({ causes, view }: { readonly causes: TeamRootCauses; readonly view: TrendView }) {
  if (causes.causes.length === 0) {
    return <p className="muted">No root causes were recorded for loops closed in this period.</p>;
  }
  const top = causes.causes.slice(0, CHARTED);
  const most = Math.max(1, ...causes.causes.map((c) => c.count));
  const labels = causes.buckets.map((b) => formatBucketShort(b, causes.granularity));
  const data: uPlot.AlignedData = [causes.buckets.map((_, i) => i), ...top.map((c) => c.trend)];
  const first = causes.causes[0];
  return (
    <div className="root-causes">
      <p className="chart-summary">
        {formatCount(causes.closed)} loops closed in the period
        {causes.withoutCause > 0 ? `, ${formatCount(causes.withoutCause)} of them without a root cause` : ''}.
        {first === undefined ? '' : ` Most frequent: ${first.tag} (${formatCount(first.count)}).`}
      </p>
      {view === 'chart' && (
        <figure className="chart-figure">
          <UPlotChart
            shape={`causes:${top.map((c) => c.tag).join('|')}:${labels.join('|')}`}
            options={(theme) =>
              countLines(
                theme,
                labels,
                top.map((c) => c.tag),
              )
            }
            data={data}
          />
          <figcaption className="chart-legend">
            {top.map((c, i) => (
              <span key={c.tag} className={`legend-item legend-series-${(i % 6) + 1}`}>
                {c.tag}
              </span>
            ))}
          </figcaption>
        </figure>
      )}
      <ScrollableTable label="Root causes">
        <table className="data-table causes-table">
          <caption className="visually-hidden">Root causes of loops closed in the period, most frequent first</caption>
          <thead>
            <tr>
              <th scope="col">Root cause</th>
              <th scope="col" className="num">
                Loops
              </th>
              <th scope="col" className="num">
                Share
              </th>
              <th scope="col" className="num">
                Previous
              </th>
              <th scope="col" className="num">
                Change
              </th>
              {view === 'table' &&
                causes.buckets.map((b) => (
                  <th key={b.from} scope="col" className="num">
                    {formatBucket(b, causes.granularity)}
                  </th>
                ))}
            </tr>
          </thead>
          <tbody>
            {causes.causes.map((c) => {
              const change = c.count - c.previousCount;
              return (
                <tr key={c.tag}>
                  <th scope="row">
                    {c.tag}
                    <span className="cause-bar" style={{ width: `${(c.count / most) * 100}%` }} aria-hidden="true" />
                  </th>
                  <td className="num strong">{formatCount(c.count)}</td>
                  <td className="num">{formatPercent(causes.closed === 0 ? null : (c.count / causes.closed) * 100)}</td>
                  <td className="num">{formatCount(c.previousCount)}</td>
                  <td className="num">
                    {change === 0 ? '±0' : `${change > 0 ? '+' : '−'}${formatCount(Math.abs(change))}`}
                  </td>
                  {view === 'table' &&
                    c.trend.map((n, i) => (
                      <td key={causes.buckets[i]?.from ?? i} className="num">
                        {formatCount(n)}
                      </td>
                    ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollableTable>
      {causes.otherTags > 0 && <p className="muted">{formatCount(causes.otherTags)} rarer causes are not listed.</p>}
    </div>
  );
}
