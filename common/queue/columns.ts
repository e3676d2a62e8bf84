// The queue table's columns and the layout the user gives them (order, hidden, widths),
// remembered in the local cache's settings.
import { z } from 'zod';
import { SORT_COLUMNS, type SortColumn } from './query.js';

/** Every column can sort the queue, so the column ids are the sort columns. */
export const QUEUE_COLUMNS = SORT_COLUMNS;
export type QueueColumnId = SortColumn;

export const COLUMN_LABELS: Readonly<Record<QueueColumnId, string>> = {
  received: 'Received',
  metric: 'Metric',
  score: 'Score',
  comment: 'Comment',
  product: 'Product',
  company: 'Company',
  country: 'Country',
  channel: 'Channel',
  assignee: 'Assignee',
  status: 'Status',
  due: 'Due',
  lastContact: 'Last contact',
};

export const MIN_COLUMN_WIDTH = 48;
export const MAX_COLUMN_WIDTH = 1200;

export const DEFAULT_COLUMN_WIDTHS: Readonly<Record<QueueColumnId, number>> = {
  received: 100,
  metric: 76,
  score: 124,
  comment: 320,
  product: 110,
  company: 140,
  country: 110,
  channel: 80,
  assignee: 130,
  status: 112,
  due: 112,
  lastContact: 112,
};

const ColumnId = z.enum(QUEUE_COLUMNS);

export const QueueLayout = z.strictObject({
  order: z.array(ColumnId).max(QUEUE_COLUMNS.length),
  hidden: z.array(ColumnId).max(QUEUE_COLUMNS.length),
  widths: z.partialRecord(ColumnId, z.number().int().min(MIN_COLUMN_WIDTH).max(MAX_COLUMN_WIDTH)),
});
export type QueueLayout = z.infer<typeof QueueLayout>;

/**
 * The triage columns first (what came in, how bad, what it says, where its follow-up stands),
 * so that they fit a laptop screen beside the sidebar; channel and last contact start hidden.
 */
export const DEFAULT_LAYOUT: QueueLayout = {
  order: [
    'received',
    'score',
    'metric',
    'comment',
    'status',
    'due',
    'assignee',
    'product',
    'company',
    'country',
    'channel',
    'lastContact',
  ],
  hidden: ['channel', 'lastContact'],
  widths: {},
};

/**
 * A stored layout made whole: columns added by a later version appear at the end, unknown or
 * repeated ones are dropped, so an old layout never hides a new column by accident.
 */
export function completeLayout(layout: QueueLayout): QueueLayout {
  const order = [...new Set(layout.order)];
  for (const id of QUEUE_COLUMNS) if (!order.includes(id)) order.push(id);
  return { order, hidden: [...new Set(layout.hidden)], widths: layout.widths };
}
