// The Team view's tables as export sheets: the same figures the view shows, from the same
// worker operations, with rates in percent and durations in hours (one decimal), so that a
// spreadsheet can sort and chart them.
import type { TeamExportTable } from '../../../common/ipc/channels/export.js';
import { BACKLOG_CELLS, BACKLOG_CELL_LABELS } from '../../../common/team/backlog.js';
import { KPI_DEFINITIONS, KPI_IDS, kpiValue, type KpiCounts } from '../../../common/team/kpis.js';
import type { Period } from '../../../common/team/period.js';
import type { TeamRootCauses } from '../../../common/team/root-causes.js';
import {
  bandShare,
  headlineScore,
  HEADLINE_LABELS,
  secondaryScore,
  tallyResponses,
  type TeamTrends,
} from '../../../common/team/trends.js';
import type { TeamBacklog } from '../../../common/team/backlog.js';
import type { TeamKpis } from '../../../common/team/kpis.js';
import { METRIC_LABELS } from '../../../common/domain/metrics.js';
import type { Cell, Sheet } from './export-cells.js';

export interface Table {
  readonly sheet: Sheet;
  readonly rows: Cell[][];
}

const HOUR = 3_600_000;
const round1 = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

function kpiCell(id: (typeof KPI_IDS)[number], counts: KpiCounts): number | null {
  const value = kpiValue(id, counts);
  return round1(value === null ? null : KPI_DEFINITIONS[id].unit === 'duration' ? value / HOUR : value);
}

const KPI_HEADERS = KPI_IDS.map(
  (id) => `${KPI_DEFINITIONS[id].label}${KPI_DEFINITIONS[id].unit === 'percent' ? ' (%)' : ' (h)'}`,
);

export function kpiTable(kpis: TeamKpis): Table {
  const rows: Cell[][] = [];
  const add = (group: string, period: Period, counts: KpiCounts): void => {
    rows.push([group, period.from, period.to, counts.due, ...KPI_IDS.map((id) => kpiCell(id, counts))]);
  };
  const groups: [string, { current: KpiCounts; previous: KpiCounts }][] = [
    [kpis.scope.sees === 'self' ? 'My follow-ups' : 'Team', kpis.total],
    ...kpis.byAssignee.map((g): [string, { current: KpiCounts; previous: KpiCounts }] => [
      g.assigneeId === null ? 'Unassigned' : (g.name ?? g.assigneeId),
      g,
    ]),
  ];
  for (const [name, { current, previous }] of groups) {
    add(name, kpis.period, current);
    add(name, kpis.previousPeriod, previous);
  }
  return {
    sheet: {
      name: 'KPIs',
      header: ['Group', 'Period from', 'Period to', 'Follow-ups due', ...KPI_HEADERS],
      types: ['text', 'instant', 'instant', 'number', ...KPI_IDS.map(() => 'number' as const)],
    },
    rows,
  };
}

export function backlogTable(backlog: TeamBacklog): Table {
  const rows = [...backlog.rows, backlog.unassigned].map((row): Cell[] => [
    row.assigneeId === null ? 'Unassigned' : (row.name ?? row.assigneeId),
    ...BACKLOG_CELLS.map((cell) => row.counts[cell]),
  ]);
  return {
    sheet: {
      name: 'Backlog',
      header: ['Assignee', ...BACKLOG_CELLS.map((cell) => BACKLOG_CELL_LABELS[cell])],
      types: ['text', ...BACKLOG_CELLS.map(() => 'number' as const)],
    },
    rows,
  };
}

export function trendsTable(trends: TeamTrends): Table {
  const rows: Cell[][] = [];
  for (const series of trends.series) {
    series.tallies.forEach((tally, i) => {
      const bucket = trends.buckets[i];
      if (bucket === undefined) return;
      rows.push([
        bucket.from,
        bucket.to,
        METRIC_LABELS[series.metric],
        series.group ?? (trends.breakdown === 'none' ? 'All' : 'Unknown'),
        tallyResponses(tally),
        tally.negative,
        tally.neutral,
        tally.positive,
        bandShare(tally, 'negative'),
        bandShare(tally, 'positive'),
        headlineScore(series.metric, tally),
        secondaryScore(series.metric, tally),
      ]);
    });
  }
  return {
    sheet: {
      name: 'Score trends',
      header: [
        'From',
        'To',
        'Metric',
        trends.breakdown === 'country' ? 'Country' : trends.breakdown === 'product' ? 'Product' : 'Group',
        'Responses',
        'Negative',
        'Neutral',
        'Positive',
        'Negative (%)',
        'Positive (%)',
        `Score (${Object.values(HEADLINE_LABELS).join(' / ')})`,
        'CES low effort (%)',
      ],
      types: [
        'instant',
        'instant',
        'text',
        'text',
        'number',
        'number',
        'number',
        'number',
        'number',
        'number',
        'number',
        'number',
      ],
    },
    rows,
  };
}

export function rootCausesTable(causes: TeamRootCauses): Table {
  const bucketHeaders = causes.buckets.map((b) => new Date(b.from).toISOString().slice(0, 10));
  return {
    sheet: {
      name: 'Root causes',
      header: ['Root cause', 'This period', 'Previous period', ...bucketHeaders],
      types: ['text', 'number', 'number', ...bucketHeaders.map(() => 'number' as const)],
    },
    rows: causes.causes.map((c) => [c.tag, c.count, c.previousCount, ...c.trend]),
  };
}

export const TEAM_TABLE_NAMES: Readonly<Record<TeamExportTable, string>> = {
  kpis: 'KPIs',
  backlog: 'Backlog',
  trends: 'Score trends',
  rootCauses: 'Root causes',
};
