// The queue's filters as one WHERE condition over `responses`. Every filter uses a column
// that an index of migrations 0001/0002 leads with, so SQLite can start from the most
// selective one (its statistics say which) or read the sort index and test the rest.
import { type Facet, FACET_FILTER_FIELDS } from '../../../../common/queue/facets.js';
import {
  isFilterActive,
  type DueRange,
  type QueueFilters,
  type ReceivedRange,
} from '../../../../common/queue/query.js';
import { BANDS } from '../../../../common/domain/metrics.js';
import { OPEN_STATUS_LIST_SQL, statusListSql } from '../../db/migrations/0002-queue-indexes.js';
import { toFtsPrefixQuery } from '../../db/readers/search-responses.js';
import { allOf, inList, joinSql, placeholders, sql, type SqlFragment } from './sql-fragment.js';

export interface FilterContext {
  /** The signed-in staff member, for assignee "me"; null matches nobody. */
  readonly me: string | null;
  /** Epoch ms: what "overdue" and "today" are measured against. */
  readonly now: number;
  /**
   * How the search and the tag filter join the rest. Driving, SQLite starts from their
   * matches (few of them) and sorts those; probing, it reads the sort index and tests each
   * row against the matches (many of them: sorting all would cost more than skipping).
   */
  readonly probe: MembershipProbes;
}

export interface MembershipProbes {
  readonly search: boolean;
  readonly tags: boolean;
}

export const DRIVE_ALL: MembershipProbes = { search: false, tags: false };

const DAY_MS = 86_400_000;

/** The start of the local day that contains `now`, in the core's time zone. */
export function startOfLocalDay(now: number): number {
  const day = new Date(now);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

export function resolveReceived(range: ReceivedRange, now: number): { from: number | null; to: number | null } {
  if ('relative' in range) {
    switch (range.relative) {
      case 'today':
        return { from: startOfLocalDay(now), to: null };
      case 'last7days':
        return { from: now - 7 * DAY_MS, to: null };
      case 'last30days':
        return { from: now - 30 * DAY_MS, to: null };
    }
  }
  return range;
}

/** The overdue condition, written as the partial index responses_q_open_due expects it. */
export function overdueSql(now: number): SqlFragment {
  return sql(`due_at IS NOT NULL AND status IN ${OPEN_STATUS_LIST_SQL} AND due_at < ?`, now);
}

/** Due within the range; a row without a due time never matches (the range may be open). */
export function dueSql(range: DueRange): SqlFragment {
  const parts = [sql('due_at IS NOT NULL')];
  if (range.from !== null) parts.push(sql('due_at >= ?', range.from));
  if (range.to !== null) parts.push(sql('due_at < ?', range.to));
  return joinSql(parts, ' AND ');
}

export const FTS_MATCHES_SQL = 'SELECT rowid FROM responses_fts WHERE responses_fts MATCH ?';

export function TAG_MATCHES_SQL(tagCount: number): string {
  return `SELECT rid FROM queue_tags WHERE tag IN (${placeholders(tagCount)})`;
}

function assigneeSql(values: QueueFilters['assignee'], me: string | null): SqlFragment {
  const ids = new Set<string | null>();
  for (const value of values) {
    if (value === 'unassigned') ids.add(null);
    else if (value !== 'me') ids.add(value);
    else if (me !== null) ids.add(me);
  }
  // "Me" before sync has said who that is matches nobody.
  return ids.size === 0 ? sql('0') : inList('assignee_id', [...ids]);
}

/**
 * The conditions of every active filter, except those listed in `exclude` (a facet's own,
 * when counting that facet).
 */
export function filterConditions(
  filters: QueueFilters,
  context: FilterContext,
  exclude: readonly (keyof QueueFilters)[] = [],
): SqlFragment[] {
  const active = (field: keyof QueueFilters): boolean => !exclude.includes(field);
  const where: SqlFragment[] = [];
  if (active('metric') && filters.metric.length > 0) where.push(inList('survey_type', filters.metric));
  if (active('band') && filters.band.length > 0)
    where.push(
      inList(
        'band',
        filters.band.map((b) => BANDS.indexOf(b)),
      ),
    );
  if (active('scoreMin') && filters.scoreMin !== null) where.push(sql('score >= ?', filters.scoreMin));
  if (active('scoreMax') && filters.scoreMax !== null) where.push(sql('score <= ?', filters.scoreMax));
  if (active('product') && filters.product.length > 0) where.push(inList('product', filters.product));
  if (active('company') && filters.company.length > 0) where.push(inList('company', filters.company));
  if (active('country') && filters.country.length > 0) where.push(inList('country', filters.country));
  if (active('channel') && filters.channel.length > 0) where.push(inList('channel', filters.channel));
  if (active('language') && filters.language.length > 0) where.push(inList('language', filters.language));
  if (active('status') && filters.status.length > 0) where.push(sql(`status IN ${statusListSql(filters.status)}`));
  if (active('assignee') && filters.assignee.length > 0) where.push(assigneeSql(filters.assignee, context.me));
  if (active('hasComment') && filters.hasComment !== null)
    where.push(sql('has_comment = ?', filters.hasComment ? 1 : 0));
  if (active('received') && filters.received !== null) {
    const { from, to } = resolveReceived(filters.received, context.now);
    if (from !== null) where.push(sql('created_at >= ?', from));
    if (to !== null) where.push(sql('created_at < ?', to));
  }
  if (active('overdue') && filters.overdue) where.push(overdueSql(context.now));
  if (active('due') && filters.due !== null) where.push(dueSql(filters.due));
  if (active('tags') && filters.tags.length > 0) {
    const rid = context.probe.tags ? '+rid' : 'rid';
    where.push(sql(`${rid} IN (${TAG_MATCHES_SQL(filters.tags.length)})`, ...filters.tags));
  }
  if (active('search')) {
    const match = toFtsPrefixQuery(filters.search);
    if (match !== null) where.push(sql(`${context.probe.search ? '+rid' : 'rid'} IN (${FTS_MATCHES_SQL})`, match));
  }
  return where;
}

export function filterWhere(
  filters: QueueFilters,
  context: FilterContext,
  exclude: readonly (keyof QueueFilters)[] = [],
): SqlFragment {
  return allOf(filterConditions(filters, context, exclude));
}

export function facetExclusions(facet: Facet): readonly (keyof QueueFilters)[] {
  return FACET_FILTER_FIELDS[facet];
}

/** Filters whose columns are all in responses_q_cover. */
const COVERED_FILTERS: readonly (keyof QueueFilters)[] = [
  'metric',
  'band',
  'scoreMin',
  'scoreMax',
  'product',
  'company',
  'country',
  'channel',
  'language',
  'status',
  'assignee',
  'hasComment',
  'overdue',
];

/** Whether responses_q_cover alone can answer these filters (no date range, search or tags). */
export function coveredByCountingIndex(filters: QueueFilters, exclude: readonly (keyof QueueFilters)[]): boolean {
  return (Object.keys(filters) as (keyof QueueFilters)[]).every(
    (field) => exclude.includes(field) || !isFilterActive(filters, field) || COVERED_FILTERS.includes(field),
  );
}
