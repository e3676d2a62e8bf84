// A window of the queue: the rows after a cursor (keyset), optionally skipping `offset` of
// them, in the query's order. Two steps: the row ids come from index ranges (sort-plan.ts),
// skipping by index entries alone where the filters allow; then only the window's rows are
// read in full.
import type { QueuePage, QueuePageRequest } from '../../../common/ipc/channels/queue.js';
import { BANDS } from '../../../common/domain/metrics.js';
import { OPEN_STATUSES, type FollowupStatus } from '../../../common/domain/followup-status.js';
import type { QueueFilters, QueueQuery } from '../../../common/queue/query.js';
import { EXCERPT_CHARS, type QueueRow } from '../../../common/queue/row.js';
import type { SurveyChannel } from '../../../common/domain/channels.js';
import type { SurveyType } from '../../../common/domain/metrics.js';
import type { Db } from '../db/sqlite.js';
import { toFtsPrefixQuery } from '../db/readers/search-responses.js';
import { countingSql } from './counting-plan.js';
import { queueStatement } from './queue-statements.js';
import { staffInNameOrder } from './queue-context.js';
import { decodeCursor, encodeCursor, positionOf } from './sql/cursor.js';
import { DRIVE_ALL, FTS_MATCHES_SQL, TAG_MATCHES_SQL, filterWhere, type MembershipProbes } from './sql/filters.js';
import { branchesAfter, orderedSegments, type Branch, type Segment } from './sql/sort-plan.js';
import { joinSql, sql, type SqlFragment } from './sql/sql-fragment.js';

export interface QueueReadContext {
  readonly me: string | null;
  readonly now: number;
}

/**
 * Up to this many rows matching a search (or a tag filter), SQLite starts from the matches
 * and sorts them; beyond it, reading the sort index and skipping non-matches finds a window
 * sooner. Counting stops at the limit, so the test costs little even for a common word.
 */
export const DRIVE_LIMIT = 3000;

function exceedsDriveLimit(db: Db, matchesSql: string, params: readonly unknown[]): boolean {
  const capped = queueStatement(db, `SELECT count(*) FROM (${matchesSql} LIMIT ${DRIVE_LIMIT + 1})`)
    .pluck()
    .get(...params) as number;
  return capped > DRIVE_LIMIT;
}

export function membershipProbes(db: Db, filters: QueueFilters): MembershipProbes {
  const match = toFtsPrefixQuery(filters.search);
  return {
    search: match !== null && exceedsDriveLimit(db, FTS_MATCHES_SQL, [match]),
    tags: filters.tags.length > 0 && exceedsDriveLimit(db, TAG_MATCHES_SQL(filters.tags.length), filters.tags),
  };
}

function branchSelect(branch: Branch, filter: SqlFragment, limit: number): SqlFragment {
  const where = joinSql([filter, branch.segment.where, branch.where], ') AND (');
  return {
    sql:
      `SELECT rid, seg FROM (SELECT rid, ? AS seg FROM responses WHERE (${where.sql}) ` +
      `ORDER BY ${branch.orderBy} LIMIT ?)`,
    params: [branch.segment.key, ...where.params, limit],
  };
}

interface RowRef {
  readonly rid: number;
  readonly seg: string;
}

interface FullRow {
  readonly rid: number;
  readonly id: string;
  readonly created_at: number;
  readonly survey_type: SurveyType;
  readonly score: number;
  readonly band: number;
  readonly excerpt: string | null;
  readonly product: string;
  readonly company: string | null;
  readonly country: string | null;
  readonly channel: SurveyChannel;
  readonly language: string | null;
  readonly assignee_id: string | null;
  readonly assignee_name: string | null;
  readonly status: FollowupStatus;
  readonly due_at: number | null;
  readonly last_contact_at: number | null;
  readonly score_rank: number;
  readonly status_rank: number;
  readonly comment_key: string | null;
}

const FULL_ROWS = `
SELECT r.rid, r.id, r.created_at, r.survey_type, r.score, r.band,
       CASE WHEN r.comment_key IS NOT NULL THEN substr(r.text, 1, ${EXCERPT_CHARS}) END AS excerpt,
       r.product, r.company, r.country, r.channel, r.language, r.assignee_id, s.name AS assignee_name,
       r.status, r.due_at, r.last_contact_at, r.score_rank, r.status_rank, r.comment_key
  FROM responses r LEFT JOIN staff s ON s.id = r.assignee_id
 WHERE r.rid IN (SELECT value FROM json_each(?))`;

export function isOverdue(status: FollowupStatus, dueAt: number | null, now: number): boolean {
  return dueAt !== null && dueAt < now && OPEN_STATUSES.includes(status);
}

function toQueueRow(row: FullRow, segment: Segment, now: number): QueueRow {
  return {
    id: row.id,
    cursor: encodeCursor(positionOf(segment, row as unknown as Readonly<Record<string, unknown>>)),
    receivedAt: row.created_at,
    metric: row.survey_type,
    score: row.score,
    band: BANDS[row.band] ?? 'neutral',
    excerpt: row.excerpt,
    product: row.product,
    company: row.company,
    country: row.country,
    channel: row.channel,
    language: row.language,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    status: row.status,
    dueAt: row.due_at,
    overdue: isOverdue(row.status, row.due_at, now),
    lastContactAt: row.last_contact_at,
  };
}

export function querySegments(db: Db, query: QueueQuery): readonly Segment[] {
  return orderedSegments(query.sort, query.sort.column === 'assignee' ? staffInNameOrder(db) : []);
}

export function readQueuePage(db: Db, request: QueuePageRequest, context: QueueReadContext): QueuePage {
  const { query, offset, limit } = request;
  const segments = querySegments(db, query);
  const position = request.after === null ? null : decodeCursor(request.after);
  const filter = filterWhere(query.filters, { ...context, probe: membershipProbes(db, query.filters) });
  const branches = branchesAfter(segments, position);
  // One more row than asked says whether there is more.
  const wanted = offset + limit + 1;
  const ids = joinSql(
    branches.map((branch) => branchSelect(branch, filter, wanted)),
    ' UNION ALL ',
  );
  const refs = queueStatement(db, `${ids.sql} LIMIT ? OFFSET ?`).all(...ids.params, limit + 1, offset) as RowRef[];
  const page = refs.slice(0, limit);
  const rows = queueStatement(db, FULL_ROWS).all(JSON.stringify(page.map((r) => r.rid))) as FullRow[];
  const byRid = new Map(rows.map((row) => [row.rid, row]));
  const segmentByKey = new Map(segments.map((s) => [s.key, s]));
  const result: QueueRow[] = [];
  for (const ref of page) {
    const row = byRid.get(ref.rid);
    const segment = segmentByKey.get(ref.seg);
    if (row !== undefined && segment !== undefined) result.push(toQueueRow(row, segment, context.now));
  }
  return { rows: result, hasMore: refs.length > limit };
}

export function countQueue(db: Db, query: QueueQuery, context: QueueReadContext): number {
  const filter = filterWhere(query.filters, { ...context, probe: DRIVE_ALL });
  const text = countingSql(
    db,
    (hint) => `SELECT count(*) FROM responses ${hint} WHERE ${filter.sql}`,
    filter.params,
    query.filters,
    [],
  );
  return queueStatement(db, text)
    .pluck()
    .get(...filter.params) as number;
}

/** How many rows sort before the cursor's row: the rows after it in the reverse order. */
export function locateInQueue(db: Db, query: QueueQuery, cursor: string, context: QueueReadContext): number {
  const reverse: QueueQuery = {
    ...query,
    sort: { ...query.sort, direction: query.sort.direction === 'asc' ? 'desc' : 'asc' },
  };
  const filter = filterWhere(query.filters, { ...context, probe: DRIVE_ALL });
  const counts = branchesAfter(querySegments(db, reverse), decodeCursor(cursor)).map((branch) => {
    const where = joinSql([filter, branch.segment.where, branch.where], ') AND (');
    return sql(`(SELECT count(*) FROM responses WHERE (${where.sql}))`, ...where.params);
  });
  const total = joinSql(counts, ' + ');
  return queueStatement(db, `SELECT ${total.sql}`)
    .pluck()
    .get(...total.params) as number;
}
