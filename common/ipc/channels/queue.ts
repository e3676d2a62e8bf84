// The triage queue's channels: windows of rows in SQL order, counts, facet counts, the
// detail of one response, saved views and the remembered column layout.
import { z } from 'zod';
import { Id } from '../../api/primitives.js';
import { Staff } from '../../api/records.js';
import { QueueLayout } from '../../queue/columns.js';
import { FACETS, FacetCounts } from '../../queue/facets.js';
import { QueueQuery } from '../../queue/query.js';
import { QueueCursor, QueueDetail, QueueRow } from '../../queue/row.js';
import { SavedView, ViewId } from '../../queue/views.js';
import { channel } from '../define.js';

/** Rows per request: a few screens, so that scrolling asks rarely. */
export const MAX_PAGE_ROWS = 500;
/** Skipping further than this from a known row is a new query, not a scroll. */
export const MAX_PAGE_OFFSET = 50_000_000;

export const QueueContext = z.strictObject({
  /** The signed-in staff member; null until sync has learnt who that is. */
  me: Staff.nullable(),
  staff: z.array(Staff),
  /** Tags seen on responses and follow-ups, for the tag filter. */
  tags: z.array(z.string()),
});
export type QueueContext = z.infer<typeof QueueContext>;

export const QueuePageRequest = z.strictObject({
  query: QueueQuery,
  /** The row to continue after (keyset); null starts at the top. */
  after: QueueCursor.nullable(),
  /** Rows to skip after `after`, for a jump by the scrollbar. */
  offset: z.number().int().min(0).max(MAX_PAGE_OFFSET),
  limit: z.number().int().min(1).max(MAX_PAGE_ROWS),
});
export type QueuePageRequest = z.infer<typeof QueuePageRequest>;

export const QueuePage = z.strictObject({
  rows: z.array(QueueRow),
  hasMore: z.boolean(),
});
export type QueuePage = z.infer<typeof QueuePage>;

export const QUEUE_CHANNELS = {
  'queue:context': channel(z.strictObject({}), QueueContext),
  'queue:page': channel(QueuePageRequest, QueuePage),
  'queue:count': channel(z.strictObject({ query: QueueQuery }), z.strictObject({ total: z.number().int().min(0) })),
  /** How many rows sort before this one: keeps the view still when rows arrive above it. */
  'queue:locate': channel(
    z.strictObject({ query: QueueQuery, cursor: QueueCursor }),
    z.strictObject({ index: z.number().int().min(0) }),
  ),
  'queue:facet': channel(z.strictObject({ query: QueueQuery, facet: z.enum(FACETS) }), FacetCounts),
  'queue:detail': channel(z.strictObject({ id: Id }), QueueDetail),
  'queue:views': channel(z.strictObject({}), z.strictObject({ views: z.array(SavedView) })),
  'queue:view-counts': channel(
    z.strictObject({}),
    z.strictObject({ counts: z.record(ViewId, z.number().int().min(0)) }),
  ),
  'queue:save-view': channel(
    z.strictObject({ id: ViewId.nullable(), name: SavedView.shape.name, query: QueueQuery }),
    SavedView,
  ),
  'queue:delete-view': channel(z.strictObject({ id: ViewId }), z.strictObject({ deleted: z.boolean() })),
  'queue:layout': channel(z.strictObject({}), z.strictObject({ layout: QueueLayout.nullable() })),
  'queue:save-layout': channel(z.strictObject({ layout: QueueLayout }), z.strictObject({})),
} as const;
