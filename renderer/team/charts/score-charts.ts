// The uPlot options of the Team view's charts, built from the theme (charts/chart-theme.ts):
// a score line over response-count bars, lines per group for a breakdown, the band split as
// stacked 100 % bars, and root-cause counts as lines. The x axis is the buckets' order.
import uPlot from 'uplot';
import { SCORE_SCALES, type SurveyType } from '../../../common/domain/metrics.js';
import { HEADLINE_LABELS } from '../../../common/team/trends.js';
import type { ChartTheme } from './chart-theme.js';

type Options = Omit<uPlot.Options, 'width'>;

const FONT = '12px system-ui, sans-serif';
/** Room a bucket label needs, in CSS pixels. */
const LABEL_WIDTH = 72;

/** uPlot's Axis.Side is a const enum, which isolated modules cannot read: Right is 1. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum's documented value
const RIGHT = 1 as uPlot.Axis.Side;

function valueAxis(theme: ChartTheme, extra: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: theme.muted,
    font: FONT,
    labelFont: FONT,
    size: 56,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1 },
    ...extra,
  };
}

/**
 * The buckets' order, not time: weeks clipped at the period's edges would otherwise be
 * drawn as slivers. With many buckets only every few are labelled, so labels never overlap.
 */
function bucketAxis(theme: ChartTheme, labels: readonly string[]): { scale: uPlot.Scale; axis: uPlot.Axis } {
  const indices = labels.map((_, i) => i);
  return {
    scale: { time: false, range: [-0.5, Math.max(0.5, labels.length - 0.5)] },
    axis: valueAxis(theme, {
      size: 36,
      splits: () => indices,
      values: (u, splits) => {
        const every = Math.max(1, Math.ceil(labels.length / Math.max(1, Math.floor(u.width / LABEL_WIDTH))));
        return splits.map((i) => (i % every === 0 ? (labels[i] ?? '') : ''));
      },
      grid: { show: false },
    }),
  };
}

/** Legends are drawn by React (accessible text); zooming by drag is off (the period picker zooms). */
function frame(theme: ChartTheme, height: number, labels: readonly string[]) {
  const x = bucketAxis(theme, labels);
  return {
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    xScale: x.scale,
    xAxis: x.axis,
  };
}

/** Bars a little narrower than their slot (uPlot's bundled path builder). */
function bars(): uPlot.Series.PathBuilder | undefined {
  return uPlot.paths.bars?.({ size: [0.6, 56] });
}

export function scoreRange(metric: SurveyType): [number, number] {
  if (metric === 'nps') return [-100, 100];
  if (metric === 'csat') return [0, 100];
  return [SCORE_SCALES.ces.min, SCORE_SCALES.ces.max];
}

/** One metric overall: its score (line, left axis) over the responses (bars, right axis). */
export function scoreWithCounts(theme: ChartTheme, metric: SurveyType, labels: readonly string[]): Options {
  const { xScale, xAxis, ...rest } = frame(theme, 240, labels);
  return {
    ...rest,
    scales: {
      x: xScale,
      score: { range: scoreRange(metric) },
      n: { range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] },
    },
    axes: [
      xAxis,
      valueAxis(theme, { scale: 'score', label: HEADLINE_LABELS[metric] }),
      valueAxis(theme, { scale: 'n', side: RIGHT, label: 'Responses', grid: { show: false } }),
    ],
    series: [
      {},
      { label: 'Responses', scale: 'n', stroke: theme.bars, fill: theme.bars, paths: bars(), points: { show: false } },
      {
        label: HEADLINE_LABELS[metric],
        scale: 'score',
        stroke: theme.accent,
        width: 2.5,
        points: { size: 6, fill: theme.surface },
      },
    ],
  };
}

/** Lines in the palette's order: a metric by product or country, or root causes. */
export function lines(
  theme: ChartTheme,
  labels: readonly string[],
  series: readonly string[],
  y: { readonly label: string; readonly range: uPlot.Scale['range'] },
): Options {
  const { xScale, xAxis, ...rest } = frame(theme, 230, labels);
  return {
    ...rest,
    scales: { x: xScale, y: { range: y.range } },
    axes: [xAxis, valueAxis(theme, { label: y.label })],
    series: [
      {},
      ...series.map((label, i) => ({
        label,
        stroke: theme.palette[i % theme.palette.length] ?? theme.accent,
        width: 2,
        points: { size: 5, fill: theme.surface },
      })),
    ],
  };
}

export function scoreByGroup(
  theme: ChartTheme,
  metric: SurveyType,
  labels: readonly string[],
  groups: readonly string[],
): Options {
  return lines(theme, labels, groups, { label: HEADLINE_LABELS[metric], range: scoreRange(metric) });
}

export function countLines(theme: ChartTheme, labels: readonly string[], series: readonly string[]): Options {
  return lines(theme, labels, series, { label: 'Follow-ups', range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] });
}

/**
 * The band split as 100 % stacked bars: the data holds cumulative shares (100, negative +
 * neutral, negative), drawn tallest first so each band shows above the one below.
 */
export function bandSplit(theme: ChartTheme, labels: readonly string[]): Options {
  const { xScale, xAxis, ...rest } = frame(theme, 150, labels);
  return {
    ...rest,
    scales: { x: xScale, y: { range: [0, 100] } },
    axes: [xAxis, valueAxis(theme, { label: 'Share (%)' })],
    series: [
      {},
      { label: 'Positive', stroke: theme.positive, fill: theme.positive, paths: bars(), points: { show: false } },
      { label: 'Neutral', stroke: theme.neutral, fill: theme.neutral, paths: bars(), points: { show: false } },
      { label: 'Negative', stroke: theme.negative, fill: theme.negative, paths: bars(), points: { show: false } },
    ],
  };
}
