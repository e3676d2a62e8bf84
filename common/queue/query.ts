// The triage queue's query: which responses (filters and full-text search) in which order.
// Shared by the renderer, which builds it from the filter bar and saved views, and by the
// core, which turns it into SQL. Empty lists mean "any".
import { z } from 'zod';
import { Id } from '../api/primitives.js';
import { SURVEY_CHANNELS } from '../domain/channels.js';
import { FOLLOWUP_STATUSES } from '../domain/followup-status.js';
import { BANDS, SURVEY_TYPES } from '../domain/metrics.js';

export const SORT_COLUMNS = [
  'received',
  'metric',
  'score',
  'comment',
  'product',
  'company',
  'country',
  'channel',
  'assignee',
  'status',
  'due',
  'lastContact',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const SortDirection = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirection>;

export const QueueSort = z.strictObject({
  column: z.enum(SORT_COLUMNS),
  direction: SortDirection,
});
export type QueueSort = z.infer<typeof QueueSort>;

/** Relative ranges are resolved against the local clock of the core when the query runs. */
export const RELATIVE_RANGES = ['today', 'last7days', 'last30days'] as const;
export type RelativeRange = (typeof RELATIVE_RANGES)[number];

export const ReceivedRange = z.union([
  z.strictObject({ relative: z.enum(RELATIVE_RANGES) }),
  z
    .strictObject({
      /** Epoch milliseconds, inclusive. */
      from: z.number().int().nullable(),
      /** Epoch milliseconds, exclusive. */
      to: z.number().int().nullable(),
    })
    .refine((r) => r.from === null || r.to === null || r.from < r.to, 'from must be before to'),
]);
export type ReceivedRange = z.infer<typeof ReceivedRange>;

/**
 * Follow-ups by due time, epoch milliseconds: from inclusive, to exclusive, either end open.
 * Rows without a due time never match, so {from: null, to: null} means "has a due time".
 * Absolute only: a link from the Team view carries the exact bounds its counts used.
 */
export const DueRange = z
  .strictObject({ from: z.number().int().nullable(), to: z.number().int().nullable() })
  .refine((r) => r.from === null || r.to === null || r.from < r.to, 'from must be before to');
export type DueRange = z.infer<typeof DueRange>;

/** 'me' is the signed-in staff member; 'unassigned' matches follow-ups without assignee. */
export const AssigneeFilter = z.union([z.literal('me'), z.literal('unassigned'), Id]);
export type AssigneeFilter = z.infer<typeof AssigneeFilter>;

const Label = z.string().min(1).max(256);
/** Nullable columns accept null: "no company", "unknown country". */
const NullableLabel = Label.nullable();
const LIST_MAX = 200;

export const QueueFilters = z.strictObject({
  metric: z.array(z.enum(SURVEY_TYPES)).max(SURVEY_TYPES.length),
  band: z.array(z.enum(BANDS)).max(BANDS.length),
  /** Raw scores, inclusive. */
  scoreMin: z.number().int().min(0).max(10).nullable(),
  scoreMax: z.number().int().min(0).max(10).nullable(),
  product: z.array(Label).max(LIST_MAX),
  company: z.array(NullableLabel).max(LIST_MAX),
  country: z.array(NullableLabel).max(LIST_MAX),
  channel: z.array(z.enum(SURVEY_CHANNELS)).max(SURVEY_CHANNELS.length),
  language: z.array(NullableLabel).max(LIST_MAX),
  status: z.array(z.enum(FOLLOWUP_STATUSES)).max(FOLLOWUP_STATUSES.length),
  assignee: z.array(AssigneeFilter).max(LIST_MAX),
  hasComment: z.boolean().nullable(),
  received: ReceivedRange.nullable(),
  /** Only open follow-ups whose due time has passed. */
  overdue: z.boolean(),
  /** Only follow-ups due in this range (any status). Absent in views saved before it existed. */
  due: DueRange.nullable().default(null),
  /** Any of these tags, on the response or its follow-up. */
  tags: z.array(Label).max(LIST_MAX),
  /** Full-text search over comments: every word must match, as a prefix. */
  search: z.string().max(500),
});
export type QueueFilters = z.infer<typeof QueueFilters>;

export const QueueQuery = z.strictObject({
  filters: QueueFilters,
  sort: QueueSort,
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export const EMPTY_FILTERS: QueueFilters = {
  metric: [],
  band: [],
  scoreMin: null,
  scoreMax: null,
  product: [],
  company: [],
  country: [],
  channel: [],
  language: [],
  status: [],
  assignee: [],
  hasComment: null,
  received: null,
  overdue: false,
  due: null,
  tags: [],
  search: '',
};

export const DEFAULT_SORT: QueueSort = { column: 'received', direction: 'desc' };

/** Builds filters from the few that differ from "everything". */
export function filtersWith(partial: Partial<QueueFilters>): QueueFilters {
  return { ...EMPTY_FILTERS, ...partial };
}

/** The words of a search, as the full-text index will match them (each as a prefix). */
export function searchWords(search: string): readonly string[] {
  return search.split(/\s+/u).filter((word) => word.length > 0);
}

/** Whether a filter field narrows the queue. */
export function isFilterActive(filters: QueueFilters, field: keyof QueueFilters): boolean {
  const value = filters[field];
  if (Array.isArray(value)) return value.length > 0;
  if (field === 'search') return searchWords(filters.search).length > 0;
  return value !== null && value !== false;
}

/** The number of filters that narrow the queue, for the "Clear filters (3)" button. */
export function activeFilterCount(filters: QueueFilters): number {
  const fields = (Object.keys(filters) as (keyof QueueFilters)[]).filter((field) => isFilterActive(filters, field));
  // A score range is one filter, whichever ends are set.
  return fields.length - (fields.includes('scoreMin') && fields.includes('scoreMax') ? 1 : 0);
}
