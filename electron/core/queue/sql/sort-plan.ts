// How each sort column orders the queue, as SQLite can read it straight from an index.
//
// An order is a list of segments, each a set of rows (its `where`) read in the order of its
// terms. Ascending, a value column is one segment of non-NULL values (value ascending, newest
// first among equals: the index (value, created_at DESC)) followed by a segment of NULLs
// (newest first: the NULL range of the same index). Descending is the exact reverse of
// ascending: segments in reverse order, every term flipped, so toggling the direction
// reverses the list. Assignees sort by name: one segment per staff member, in name order.
//
// The last row of a window becomes a cursor (segment key + term values); the next window is
// the rest of that segment after the cursor followed by the later segments. Each part is a
// plain index range, so a window costs the same at row 100 as at row 900,000.
import type { QueueSort, SortColumn, SortDirection } from '../../../../common/queue/query.js';
import { joinSql, sql, type SqlFragment } from './sql-fragment.js';

export type TermDirection = 'asc' | 'desc';

export interface OrderTerm {
  /** A column of `responses` (generated columns included). */
  readonly column: string;
  readonly direction: TermDirection;
}

export interface Segment {
  /** Stable name of the segment, stored in cursors. */
  readonly key: string;
  readonly where: SqlFragment;
  readonly terms: readonly OrderTerm[];
}

/** The columns whose values order the queue: what a cursor is made of. */
export const SORT_VALUE_COLUMNS = [
  'rid',
  'created_at',
  'survey_type',
  'score_rank',
  'comment_key',
  'product',
  'company',
  'country',
  'channel',
  'assignee_id',
  'status_rank',
  'due_at',
  'last_contact_at',
] as const;
export type SortValueColumn = (typeof SORT_VALUE_COLUMNS)[number];

const NEWEST_FIRST_TIES: readonly OrderTerm[] = [
  { column: 'created_at', direction: 'desc' },
  { column: 'rid', direction: 'asc' },
];

const VALUE_COLUMNS: Readonly<
  Record<Exclude<SortColumn, 'received' | 'assignee'>, readonly [SortValueColumn, boolean]>
> = {
  metric: ['survey_type', false],
  score: ['score_rank', false],
  comment: ['comment_key', true],
  product: ['product', false],
  company: ['company', true],
  country: ['country', true],
  channel: ['channel', false],
  status: ['status_rank', false],
  due: ['due_at', true],
  lastContact: ['last_contact_at', true],
};

function valueSegments(column: SortValueColumn, nullable: boolean): Segment[] {
  const values: Segment = {
    key: 'v',
    where: sql(nullable ? `${column} IS NOT NULL` : '1'),
    terms: [{ column, direction: 'asc' }, ...NEWEST_FIRST_TIES],
  };
  if (!nullable) return [values];
  return [values, { key: 'null', where: sql(`${column} IS NULL`), terms: NEWEST_FIRST_TIES }];
}

function assigneeSegments(staffInNameOrder: readonly string[]): Segment[] {
  const known = staffInNameOrder.map((id) => ({
    key: `s:${id}`,
    where: sql('assignee_id = ?', id),
    terms: NEWEST_FIRST_TIES,
  }));
  const unknown: Segment = {
    // Assignees not (yet) in the staff directory, after everyone who is.
    key: 'other',
    where:
      staffInNameOrder.length === 0
        ? sql('assignee_id IS NOT NULL')
        : sql(
            `assignee_id IS NOT NULL AND assignee_id NOT IN (${staffInNameOrder.map(() => '?').join(', ')})`,
            ...staffInNameOrder,
          ),
    terms: [{ column: 'assignee_id', direction: 'asc' }, ...NEWEST_FIRST_TIES],
  };
  return [...known, unknown, { key: 'null', where: sql('assignee_id IS NULL'), terms: NEWEST_FIRST_TIES }];
}

/** The segments of a column in ascending order. */
export function ascendingSegments(column: SortColumn, staffInNameOrder: readonly string[]): readonly Segment[] {
  switch (column) {
    case 'received':
      return [
        {
          key: 'all',
          where: sql('1'),
          terms: [
            { column: 'created_at', direction: 'asc' },
            { column: 'rid', direction: 'asc' },
          ],
        },
      ];
    case 'assignee':
      return assigneeSegments(staffInNameOrder);
    case 'metric':
    case 'score':
    case 'comment':
    case 'product':
    case 'company':
    case 'country':
    case 'channel':
    case 'status':
    case 'due':
    case 'lastContact':
      return valueSegments(...VALUE_COLUMNS[column]);
  }
}

function flip(direction: TermDirection): TermDirection {
  return direction === 'asc' ? 'desc' : 'asc';
}

/** The segments in the order the sort reads them, terms already in their read direction. */
export function orderedSegments(sort: QueueSort, staffInNameOrder: readonly string[]): readonly Segment[] {
  const ascending = ascendingSegments(sort.column, staffInNameOrder);
  if (sort.direction === 'asc') return ascending;
  return [...ascending]
    .reverse()
    .map((segment) => ({ ...segment, terms: segment.terms.map((t) => ({ ...t, direction: flip(t.direction) })) }));
}

export function reversed(direction: SortDirection): SortDirection {
  return direction === 'asc' ? 'desc' : 'asc';
}

/** One index range: rows of a segment satisfying `where`, read in `orderBy`. */
export interface Branch {
  readonly segment: Segment;
  readonly where: SqlFragment;
  readonly orderBy: string;
}

export type CursorValue = string | number | null;

export interface Position {
  readonly segmentKey: string;
  /** The values of the segment's terms for the row at this position. */
  readonly values: readonly CursorValue[];
}

function orderByOf(terms: readonly OrderTerm[]): string {
  return terms.map((t) => `${t.column} ${t.direction.toUpperCase()}`).join(', ');
}

/**
 * The rows after `position` (or all rows when it is null), as index ranges in read order.
 * Within the position's segment, each range fixes a prefix of the terms and moves past the
 * next one, from the closest range to the widest.
 */
export function branchesAfter(segments: readonly Segment[], position: Position | null): readonly Branch[] {
  if (position === null) {
    return segments.map((segment) => ({ segment, where: sql('1'), orderBy: orderByOf(segment.terms) }));
  }
  const index = segments.findIndex((s) => s.key === position.segmentKey);
  const segment = segments[index];
  if (segment?.terms.length !== position.values.length) throw new StaleCursorError();
  const within = segment.terms
    .map((term, k) => {
      const equal = segment.terms.slice(0, k).map((t, i) => sql(`${t.column} = ?`, position.values[i]));
      const past = sql(`${term.column} ${term.direction === 'asc' ? '>' : '<'} ?`, position.values[k]);
      return { segment, where: joinSql([...equal, past], ' AND '), orderBy: orderByOf(segment.terms.slice(k)) };
    })
    .reverse();
  const later = segments.slice(index + 1).map((s) => ({ segment: s, where: sql('1'), orderBy: orderByOf(s.terms) }));
  return [...within, ...later];
}

/** A cursor that no longer names a segment of its sort (the staff directory changed). */
export class StaleCursorError extends Error {
  constructor() {
    super('The queue changed under this cursor; start again from the top.');
    this.name = 'StaleCursorError';
  }
}
