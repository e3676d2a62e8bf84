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
import { allOf, joinSql, sql, type SqlFragment } from './sql/sql-fragment.js';

export interface QueueReadContext {
  readonly me: string | null;
  readonly now: number;
  /** DRIVE_LIMIT and SEARCH_CANDIDATES, unless a test wants the other plans on a small data set. */
  readonly driveLimit?: number;
  readonly searchCandidates?: number;
}

/**
 * Up to this many rows matching a search (or a tag filter), SQLite starts from the matches
 * and sorts them; beyond it, reading the sort index and skipping non-matches finds a window
 * sooner. Counting stops at the limit, so the test costs little even for a common word.
 */
export const DRIVE_LIMIT = 3000;

function exceedsDriveLimit(db: Db, matchesSql: string, params: readonly unknown[], limit: number): boolean {
  const capped = queueStatement(db, `SELECT count(*) FROM (${matchesSql} LIMIT ?)`)
    .pluck()
    .get(...params, limit + 1) as number;
  return capped > limit;
}

export function membershipProbes(db: Db, filters: QueueFilters, limit = DRIVE_LIMIT): MembershipProbes {
  const match = toFtsPrefixQuery(filters.search);
  return {
    search: match !== null && exceedsDriveLimit(db, FTS_MATCHES_SQL, [match], limit),
    tags: filters.tags.length > 0 && exceedsDriveLimit(db, TAG_MATCHES_SQL(filters.tags.length), filters.tags, limit),
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

function collectRefs(
  db: Db,
  branches: readonly Branch[],
  filter: SqlFragment,
  offset: number,
  limit: number,
): RowRef[] {
  // One more row than asked says whether there is more.
  const wanted = offset + limit + 1;
  const ids = joinSql(
    branches.map((branch) => branchSelect(branch, filter, wanted)),
    ' UNION ALL ',
  );
  return queueStatement(db, `${ids.sql} LIMIT ? OFFSET ?`).all(...ids.params, limit + 1, offset) as RowRef[];
}

/**
 * The first window of a search sorted by received time. Rows arrive roughly in time order,
 * so the newest comments matching a word are, roughly, its matches with the highest rids:
 * FTS5 hands those over cheaply (ORDER BY rowid, LIMIT), where collecting every match of a
 * common word costs more than the rest of the query. The window is taken from those
 * candidates and kept only if provably right: every row received at or after its last row
 * must have a rid inside the candidates' range. A word with fewer matches than asked for
 * is complete in the candidates, whatever the order. null: the caller reads it the long way.
 */
export const SEARCH_CANDIDATES = 4000;

function searchCandidateRefs(
  db: Db,
  request: QueuePageRequest,
  context: QueueReadContext,
  segment: Segment,
): RowRef[] | null {
  const { query, offset, limit } = request;
  const match = toFtsPrefixQuery(query.filters.search);
  const [byTime] = segment.terms;
  if (match === null || byTime === undefined) return null;
  const newestFirst = byTime.direction === 'desc';
  const candidates = queueStatement(db, `${FTS_MATCHES_SQL} ORDER BY rowid ${newestFirst ? 'DESC' : 'ASC'} LIMIT ?`)
    .pluck()
    .all(match, context.searchCandidates ?? SEARCH_CANDIDATES) as number[];
  const complete = candidates.length < (context.searchCandidates ?? SEARCH_CANDIDATES);
  const filters = { ...query.filters, search: '' };
  const where = allOf([
    filterWhere(filters, { ...context, probe: membershipProbes(db, filters, context.driveLimit) }),
    sql('rid IN (SELECT value FROM json_each(?))', JSON.stringify(candidates)),
  ]);
  const refs = collectRefs(db, branchesAfter([segment], null), where, offset, limit);
  if (complete) return refs;
  const last = refs.at(-1);
  if (refs.length <= limit || last === undefined) return null;
  const edge = candidates.at(-1) ?? 0;
  // Any row received at or beyond the window's last row, with a rid outside the candidates?
  const lastAt = queueStatement(db, 'SELECT created_at FROM responses WHERE rid = ?').pluck().get(last.rid) as number;
  const outside = queueStatement(
    db,
    newestFirst
      ? 'SELECT 1 FROM responses WHERE created_at >= ? AND rid < ? LIMIT 1'
      : 'SELECT 1 FROM responses WHERE created_at <= ? AND rid > ? LIMIT 1',
  ).get(lastAt, edge);
  return outside === undefined ? refs : null;
}

export function readQueuePage(db: Db, request: QueuePageRequest, context: QueueReadContext): QueuePage {
  const { query, offset, limit } = request;
  const segments = querySegments(db, query);
  const position = request.after === null ? null : decodeCursor(request.after);
  const [onlySegment] = segments;
  const fromCandidates =
    position === null && query.sort.column === 'received' && onlySegment !== undefined
      ? searchCandidateRefs(db, request, context, onlySegment)
      : null;
  const refs =
    fromCandidates ??
    collectRefs(
      db,
      branchesAfter(segments, position),
      filterWhere(query.filters, { ...context, probe: membershipProbes(db, query.filters, context.driveLimit) }),
      offset,
      limit,
    );
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
