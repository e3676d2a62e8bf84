// The rows of a queue or selection export, one chunk at a time (the worker answers other
// requests between chunks). Only the chosen columns are read — a respondent's name or e-mail
// is never even selected unless the user asked for it. Queue exports walk the queue's own
// keyset pages (its filter SQL and its order); selections go by the received time.
import { OPEN_STATUSES, type FollowupStatus } from '../../../common/domain/followup-status.js';
import { BANDS } from '../../../common/domain/metrics.js';
import { exportColumn, type QueueExportColumnId } from '../../../common/export/columns.js';
import type { QueueQuery } from '../../../common/queue/query.js';
import type { Db } from '../db/sqlite.js';
import { readMe } from '../queue/queue-context.js';
import { queueStatement } from '../queue/queue-statements.js';
import { countQueue, readQueuePage } from '../queue/read-page.js';
import { MAX_PAGE_ROWS } from '../../../common/ipc/channels/queue.js';
import type { Cell } from './export-cells.js';

/** UTC, minute precision: enough to read a log, the same on every machine. */
const STAMP = (column: string): string => `strftime('%Y-%m-%d %H:%M UTC', ${column} / 1000, 'unixepoch')`;

/** Each column's SQL over responses r, followups f, staff s (assignee), respondents u. */
const COLUMN_SQL: Readonly<Record<QueueExportColumnId, string>> = {
  response_id: 'r.id',
  received_at: 'r.created_at',
  metric: 'r.survey_type',
  score: 'r.score',
  band: 'r.band',
  comment: 'r.text',
  product: 'r.product',
  company: 'r.company',
  country: 'r.country',
  channel: 'r.channel',
  language: 'r.language',
  response_tags: 'r.tags',
  excluded: 'r.excluded_from_calculations',
  status: 'r.status',
  assignee: 's.name',
  priority: 'f.priority',
  due_at: 'r.due_at',
  overdue: 'r.due_at',
  first_contact_at: 'f.first_contact_at',
  done_at: 'f.done_at',
  informed_at: 'f.informed_at',
  followup_tags: 'f.tags',
  root_causes: 'f.root_causes',
  action_summary: 'f.action_summary',
  closed_reason: 'f.closed_reason',
  contacts: '(SELECT count(*) FROM contact_log c WHERE c.followup_id = f.id)',
  // One line per contact, oldest first: when, how, which way, what came of it, who, the note.
  contact_summary: `(SELECT group_concat(line, char(10)) FROM (SELECT ${STAMP('c.contacted_at')} || ' · ' ||
      c.channel || ' · ' || c.direction || ' · ' || c.outcome || ' · ' || coalesce(cs.name, c.actor_id) ||
      CASE WHEN c.note <> '' THEN ': ' || c.note ELSE '' END AS line
      FROM contact_log c LEFT JOIN staff cs ON cs.id = c.actor_id WHERE c.followup_id = f.id
      ORDER BY c.contacted_at, c.id))`,
  notes: `(SELECT group_concat(line, char(10)) FROM (SELECT ${STAMP('n.created_at')} || ' · ' ||
      coalesce(ns.name, n.author_id) || ': ' || n.text AS line
      FROM notes n LEFT JOIN staff ns ON ns.id = n.author_id WHERE n.followup_id = f.id
      ORDER BY n.created_at, n.id))`,
  respondent_id: 'r.end_user_id',
  respondent_name: 'u.name',
  respondent_email: 'u.email',
  respondent_phone: 'u.phone',
  respondent_external_id: 'u.external_id',
};

const JSON_LIST_COLUMNS: ReadonlySet<QueueExportColumnId> = new Set(['response_tags', 'followup_tags', 'root_causes']);

function selectSql(columns: readonly QueueExportColumnId[]): string {
  const list = columns.map((id, i) => `${COLUMN_SQL[id]} AS c${i}`).join(', ');
  return (
    `SELECT r.status AS _status, ${list} FROM responses r LEFT JOIN followups f ON f.response_id = r.id ` +
    'LEFT JOIN staff s ON s.id = r.assignee_id LEFT JOIN respondents u ON u.id = r.end_user_id'
  );
}

function toCell(id: QueueExportColumnId, raw: unknown, status: FollowupStatus, now: number): Cell {
  if (raw === null || raw === undefined) return id === 'overdue' ? false : null;
  if (id === 'band') return BANDS[raw as number] ?? null;
  if (id === 'overdue') return (raw as number) < now && OPEN_STATUSES.includes(status);
  if (JSON_LIST_COLUMNS.has(id)) return (JSON.parse(raw as string) as string[]).join(', ');
  if (exportColumn(id).type === 'boolean') return raw !== 0;
  return raw as Cell;
}

function readRows(
  db: Db,
  columns: readonly QueueExportColumnId[],
  where: string,
  params: readonly unknown[],
  now: number,
): Cell[][] {
  const rows = queueStatement(db, `${selectSql(columns)} WHERE ${where}`).all(...params) as Record<string, unknown>[];
  return rows.map((row) => columns.map((id, i) => toCell(id, row[`c${i}`], row._status as FollowupStatus, now)));
}

export interface ExportChunk {
  readonly rows: Cell[][];
  /** Where the next chunk starts; null after the last. */
  readonly next: string | null;
}

export interface QueueChunkArgs {
  readonly query: QueueQuery;
  readonly columns: readonly QueueExportColumnId[];
  /** The queue cursor of the last row written; null at the start. */
  readonly after: string | null;
  readonly limit: number;
  readonly now: number;
}

/** The next rows of the queue, in its order, through the queue's own keyset pages. */
export function readQueueChunk(db: Db, args: QueueChunkArgs): ExportChunk {
  const context = { me: readMe(db), now: args.now };
  const page = readQueuePage(
    db,
    { query: args.query, after: args.after, offset: 0, limit: Math.min(args.limit, MAX_PAGE_ROWS) },
    context,
  );
  const ids = page.rows.map((row) => row.id);
  const byId = new Map(
    readRows(
      db,
      ['response_id', ...args.columns],
      'r.id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(ids)],
      args.now,
    ).map(([id, ...cells]) => [id as string, cells]),
  );
  const rows = ids.flatMap((id) => {
    const cells = byId.get(id);
    return cells === undefined ? [] : [cells];
  });
  return { rows, next: page.hasMore ? (page.rows.at(-1)?.cursor ?? null) : null };
}

export interface SelectionChunkArgs {
  readonly ids: readonly string[];
  readonly columns: readonly QueueExportColumnId[];
  /** How many of the selection (newest first) are written already. */
  readonly offset: number;
  readonly limit: number;
  readonly now: number;
}

/** The next rows of a selection, newest first; ids no longer in the cache are skipped. */
export function readSelectionChunk(db: Db, args: SelectionChunkArgs): ExportChunk {
  const rows = readRows(
    db,
    args.columns,
    'r.id IN (SELECT value FROM json_each(?)) ORDER BY r.created_at DESC, r.rid DESC LIMIT ? OFFSET ?',
    [JSON.stringify(args.ids), args.limit, args.offset],
    args.now,
  );
  const end = args.offset + rows.length;
  return { rows, next: rows.length < args.limit ? null : String(end) };
}

export function countQueueExport(db: Db, query: QueueQuery, now: number): number {
  return countQueue(db, query, { me: readMe(db), now });
}

export function countSelectionExport(db: Db, ids: readonly string[]): number {
  return queueStatement(db, 'SELECT count(*) FROM responses WHERE id IN (SELECT value FROM json_each(?))')
    .pluck()
    .get(JSON.stringify(ids)) as number;
}
