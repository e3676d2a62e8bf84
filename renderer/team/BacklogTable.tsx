// Who is behind: open follow-ups by assignee and status, overdue and due today, with each
// person's closed-loop figures for the period beside them. Every number opens the queue on
// exactly the rows it counts (common/team/backlog.ts); the table sorts by any column,
// overdue first to begin with.
import { useState } from 'react';
import { Button } from 'react-aria-components';
import {
  BACKLOG_CELL_LABELS,
  BACKLOG_DEFINITIONS,
  backlogCellFilters,
  type BacklogCell,
  type BacklogRow,
  type TeamBacklog,
} from '../../common/team/backlog.js';
import {
  EMPTY_KPI_COUNTS,
  KPI_DEFINITIONS,
  kpiValue,
  type KpiCounts,
  type KpiId,
  type TeamKpis,
} from '../../common/team/kpis.js';
import type { QueueFilters } from '../../common/queue/query.js';
import { formatCount, formatKpi } from './format.js';
import { InfoTip } from './InfoTip.js';
import { ScrollableTable } from './ScrollableTable';

const COUNT_COLUMNS: readonly BacklogCell[] = [
  'assigned',
  'in_progress',
  'waiting',
  'new',
  'open',
  'overdue',
  'dueToday',
];
const KPI_COLUMNS: readonly KpiId[] = ['slaAttainment', 'firstContactMedian', 'closedLoopRate'];
const SHORT_KPI_LABELS: Readonly<Partial<Record<KpiId, string>>> = {
  slaAttainment: 'SLA met',
  firstContactMedian: 'First contact',
  closedLoopRate: 'Closed loop',
};

/** The columns whose meaning is not plain from the status name get a definition. */
const EXPLAINED: readonly BacklogCell[] = ['open', 'overdue', 'dueToday'];

type SortKey = BacklogCell | KpiId | 'name';

interface Line {
  readonly row: BacklogRow;
  readonly name: string;
  readonly kpis: KpiCounts;
}

function sortValue(line: Line, key: SortKey): number | string {
  if (key === 'name') return line.name.toLocaleLowerCase();
  if (key in line.row.counts) return line.row.counts[key as BacklogCell];
  return kpiValue(key as KpiId, line.kpis) ?? -1;
}

function CountCell({
  line,
  cell,
  onOpen,
}: {
  readonly line: Line;
  readonly cell: BacklogCell;
  readonly onOpen: (row: BacklogRow, cell: BacklogCell) => void;
}) {
  const n = line.row.counts[cell];
  const warn = cell === 'overdue' && n > 0;
  return (
    <td className={warn ? 'num is-overdue' : 'num'}>
      {n === 0 ? (
        <span className="zero">0</span>
      ) : (
        <Button
          className="link-number"
          aria-label={`${formatCount(n)} ${BACKLOG_CELL_LABELS[cell].toLowerCase()}, ${line.name}: open in the queue`}
          onPress={() => {
            onOpen(line.row, cell);
          }}
        >
          {formatCount(n)}
        </Button>
      )}
    </td>
  );
}

export function BacklogTable({
  backlog,
  kpis,
  onOpenQueue,
}: {
  readonly backlog: TeamBacklog;
  readonly kpis: TeamKpis | null;
  readonly onOpenQueue: (filters: QueueFilters) => void;
}) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'overdue', descending: true });
  const byAssignee = new Map(kpis?.byAssignee.map((g) => [g.assigneeId, g.current]) ?? []);
  const lineOf = (row: BacklogRow): Line => ({
    row,
    name: row.assigneeId === null ? 'Unassigned' : `${row.name ?? row.assigneeId}${row.active ? '' : ' (former)'}`,
    kpis: byAssignee.get(row.assigneeId) ?? EMPTY_KPI_COUNTS,
  });
  const lines = backlog.rows.map(lineOf).sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const order = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
    return sort.descending && x !== y ? -order : order;
  });
  const unassigned = lineOf(backlog.unassigned);
  const open = (row: BacklogRow, cell: BacklogCell): void => {
    onOpenQueue(backlogCellFilters(row.assigneeId, cell, backlog.today));
  };

  const header = (key: SortKey, label: string, definition?: string) => {
    const active = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        className={key === 'name' ? undefined : 'num'}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      >
        <span className="th-content">
          <Button
            className="sort-button"
            onPress={() => {
              setSort({ key, descending: active ? !sort.descending : key !== 'name' });
            }}
          >
            {label}
            <span aria-hidden="true" className="sort-mark">
              {active ? (sort.descending ? '▼' : '▲') : ''}
            </span>
          </Button>
          {definition !== undefined && <InfoTip label={label} definition={definition} />}
        </span>
      </th>
    );
  };

  const renderLine = (line: Line, isUnassigned: boolean) => (
    <tr key={line.row.assigneeId ?? 'unassigned'} className={isUnassigned ? 'unassigned-row' : undefined}>
      <th scope="row">
        <span className="assignee-name">{line.name}</span>
        {isUnassigned && <InfoTip label="Unassigned" definition={BACKLOG_DEFINITIONS.unassigned} />}
      </th>
      {COUNT_COLUMNS.map((cell) => (
        <CountCell key={cell} line={line} cell={cell} onOpen={open} />
      ))}
      {KPI_COLUMNS.map((id) => (
        <td key={id} className="num kpi-col">
          {kpis === null ? '…' : formatKpi(id, kpiValue(id, line.kpis))}
        </td>
      ))}
    </tr>
  );

  return (
    <ScrollableTable label="Backlog by assignee">
      <table className="data-table backlog-table">
        <caption className="visually-hidden">
          Open follow-ups by assignee now, and closed-loop figures for the period. Each number opens those follow-ups in
          the queue.
        </caption>
        <thead>
          <tr className="group-row">
            <td />
            <th scope="colgroup" colSpan={COUNT_COLUMNS.length}>
              Backlog now
            </th>
            <th scope="colgroup" colSpan={KPI_COLUMNS.length} className="kpi-col">
              This period
            </th>
          </tr>
          <tr>
            {header('name', 'Assignee')}
            {COUNT_COLUMNS.map((cell) =>
              header(cell, BACKLOG_CELL_LABELS[cell], EXPLAINED.includes(cell) ? BACKLOG_DEFINITIONS[cell] : undefined),
            )}
            {KPI_COLUMNS.map((id) =>
              header(id, SHORT_KPI_LABELS[id] ?? KPI_DEFINITIONS[id].label, KPI_DEFINITIONS[id].definition),
            )}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => renderLine(line, false))}
          {renderLine(unassigned, true)}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
