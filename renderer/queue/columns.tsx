// The queue table's columns for TanStack Table: what each shows and how it sorts. Sorting,
// filtering and paging happen in SQLite (manual mode); the table owns column state only:
// sizes, order, visibility and which column sorts.
import { createContext, useContext } from 'react';
import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import {
  COLUMN_LABELS,
  DEFAULT_COLUMN_WIDTHS,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
} from '../../common/queue/columns.js';
import type { QueueRow } from '../../common/queue/row.js';
import { excerptAround } from '../../common/queue/text-segments.js';
import { CommentText } from './CommentText.js';
import {
  bandLabelFor,
  CHANNEL_LABELS,
  countryName,
  dueDistance,
  metricLabel,
  shortDate,
  longDate,
  statusLabel,
} from './format.js';

export const queueFeatures = tableFeatures({
  columnSizingFeature,
  columnResizingFeature,
  columnOrderingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
});

/** The search on screen, for highlighting hits in the comment column. */
export const SearchContext = createContext('');

function CommentCell({ row }: { readonly row: QueueRow }) {
  const search = useContext(SearchContext);
  if (row.excerpt === null) return <span className="muted">No comment</span>;
  return <CommentText text={excerptAround(row.excerpt, search)} search={search} />;
}

export function ScoreBadge({ row }: { readonly row: Pick<QueueRow, 'metric' | 'score' | 'band'> }) {
  return (
    <span className={`score score-${row.band}`}>
      <span className="score-value">{row.score}</span>
      <span className="score-band">{bandLabelFor(row.metric, row.band)}</span>
    </span>
  );
}

function DueCell({ row }: { readonly row: QueueRow }) {
  if (row.dueAt === null) return <span className="muted">—</span>;
  return (
    <span
      className={row.overdue ? 'due due-overdue' : 'due'}
      title={`${longDate(row.dueAt)} (${dueDistance(row.dueAt)})`}
    >
      {row.overdue && <span className="due-flag">Overdue</span>}
      {shortDate(row.dueAt)}
    </span>
  );
}

const helper = createColumnHelper<typeof queueFeatures, QueueRow>();

/** Width limits, and ascending first (worst score, soonest due, A→Z) unless said otherwise. */
const sized = (id: keyof typeof DEFAULT_COLUMN_WIDTHS) => ({
  size: DEFAULT_COLUMN_WIDTHS[id],
  minSize: MIN_COLUMN_WIDTH,
  maxSize: MAX_COLUMN_WIDTH,
  sortDescFirst: false,
});

export const QUEUE_COLUMN_DEFS = helper.columns([
  helper.accessor('receivedAt', {
    id: 'received',
    header: COLUMN_LABELS.received,
    ...sized('received'),
    sortDescFirst: true,
    cell: (ctx) => (
      <time dateTime={new Date(ctx.row.original.receivedAt).toISOString()}>
        {shortDate(ctx.row.original.receivedAt)}
      </time>
    ),
  }),
  helper.accessor('metric', {
    id: 'metric',
    header: COLUMN_LABELS.metric,
    ...sized('metric'),
    cell: (ctx) => metricLabel(ctx.row.original.metric),
  }),
  helper.accessor('score', {
    id: 'score',
    header: COLUMN_LABELS.score,
    ...sized('score'),
    cell: (ctx) => <ScoreBadge row={ctx.row.original} />,
  }),
  helper.accessor('excerpt', {
    id: 'comment',
    header: COLUMN_LABELS.comment,
    ...sized('comment'),
    cell: (ctx) => <CommentCell row={ctx.row.original} />,
  }),
  helper.accessor('product', { id: 'product', header: COLUMN_LABELS.product, ...sized('product') }),
  helper.accessor('company', {
    id: 'company',
    header: COLUMN_LABELS.company,
    ...sized('company'),
    cell: (ctx) => ctx.row.original.company ?? <span className="muted">—</span>,
  }),
  helper.accessor('country', {
    id: 'country',
    header: COLUMN_LABELS.country,
    ...sized('country'),
    cell: (ctx) =>
      ctx.row.original.country === null ? <span className="muted">—</span> : countryName(ctx.row.original.country),
  }),
  helper.accessor('channel', {
    id: 'channel',
    header: COLUMN_LABELS.channel,
    ...sized('channel'),
    cell: (ctx) => CHANNEL_LABELS[ctx.row.original.channel],
  }),
  helper.accessor('assigneeName', {
    id: 'assignee',
    header: COLUMN_LABELS.assignee,
    ...sized('assignee'),
    cell: (ctx) => {
      const row = ctx.row.original;
      if (row.assigneeId === null) return <span className="muted">Unassigned</span>;
      return row.assigneeName ?? row.assigneeId;
    },
  }),
  helper.accessor('status', {
    id: 'status',
    header: COLUMN_LABELS.status,
    ...sized('status'),
    cell: (ctx) => (
      <span className={`status status-${ctx.row.original.status}`}>{statusLabel(ctx.row.original.status)}</span>
    ),
  }),
  helper.accessor('dueAt', {
    id: 'due',
    header: COLUMN_LABELS.due,
    ...sized('due'),
    cell: (ctx) => <DueCell row={ctx.row.original} />,
  }),
  helper.accessor('lastContactAt', {
    id: 'lastContact',
    header: COLUMN_LABELS.lastContact,
    ...sized('lastContact'),
    sortDescFirst: true,
    cell: (ctx) =>
      ctx.row.original.lastContactAt === null ? (
        <span className="muted">Never</span>
      ) : (
        shortDate(ctx.row.original.lastContactAt)
      ),
  }),
]);
