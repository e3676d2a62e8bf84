// The Follow-ups section: the signed-in person's follow-ups still to work on (or the whole
// team's) — open ones, and done ones whose respondent has not been told yet — soonest due
// first, and the loops closed in the last two weeks. Served by the followups table's
// (assignee_id, status) and (status, due_at) indexes.
import type { FollowupList, FollowupListRow, FollowupListScope } from '../../../common/ipc/channels/followups.js';
import { MAX_FOLLOWUP_LIST_ROWS } from '../../../common/ipc/channels/followups.js';
import { OPEN_STATUSES, type FollowupStatus, type Priority } from '../../../common/domain/followup-status.js';
import { bandOf, type SurveyType } from '../../../common/domain/metrics.js';
import { EXCERPT_CHARS } from '../../../common/queue/row.js';
import { prepareCached } from '../db/statement-cache.js';
import type { Db } from '../db/sqlite.js';
import { readMe } from '../queue/queue-context.js';

export const RECENTLY_CLOSED_DAYS = 14;
const RECENTLY_CLOSED_ROWS = 100;

interface ListRow {
  readonly id: string;
  readonly survey_type: SurveyType;
  readonly score: number;
  readonly excerpt: string | null;
  readonly created_at: number;
  readonly status: FollowupStatus;
  readonly priority: Priority;
  readonly assignee_id: string | null;
  readonly assignee_name: string | null;
  readonly due_at: number | null;
  readonly first_contact_at: number | null;
  readonly updated_at: number;
  readonly name: string | null;
  readonly external_id: string | null;
  readonly email: string | null;
  readonly end_user_id: string;
}

const COLUMNS = `r.id, r.survey_type, r.score, substr(r.text, 1, ${EXCERPT_CHARS}) AS excerpt, r.created_at,
  f.status, f.priority, f.assignee_id, s.name AS assignee_name, f.due_at, f.first_contact_at, f.updated_at,
  p.name, p.external_id, p.email, f.end_user_id`;
const JOINS = `JOIN responses r ON r.id = f.response_id
  LEFT JOIN respondents p ON p.id = f.end_user_id
  LEFT JOIN staff s ON s.id = f.assignee_id`;
/** Done is not closed: the loop closes when the respondent is told. */
const TO_WORK_ON = `(${[...OPEN_STATUSES, 'done'].map((s) => `'${s}'`).join(', ')})`;
const CLOSED = `('informed', 'closed_no_action')`;

function toRow(row: ListRow): FollowupListRow {
  return {
    responseId: row.id,
    respondentName: row.name ?? row.external_id ?? row.email ?? row.end_user_id,
    surveyType: row.survey_type,
    score: row.score,
    band: bandOf(row.survey_type, row.score),
    excerpt: row.excerpt,
    status: row.status,
    priority: row.priority,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    dueAt: row.due_at,
    receivedAt: row.created_at,
    firstContactAt: row.first_contact_at,
    updatedAt: row.updated_at,
  };
}

export function readFollowupList(db: Db, scope: FollowupListScope, nowMs: number): FollowupList {
  const me = readMe(db);
  if (scope === 'mine' && me === null) return { open: [], recentlyClosed: [], truncated: false };
  const who = scope === 'mine' ? 'f.assignee_id = @me' : '1';
  const open = prepareCached(
    db,
    `SELECT ${COLUMNS} FROM followups f ${JOINS} WHERE ${who} AND f.status IN ${TO_WORK_ON}
      ORDER BY f.due_at IS NULL, f.due_at, r.created_at DESC LIMIT @limit`,
  ).all({ me, limit: MAX_FOLLOWUP_LIST_ROWS + 1 }) as ListRow[];
  const closed = prepareCached(
    db,
    `SELECT ${COLUMNS} FROM followups f ${JOINS} WHERE ${who} AND f.status IN ${CLOSED} AND f.updated_at >= @since
      ORDER BY f.updated_at DESC LIMIT @limit`,
  ).all({ me, since: nowMs - RECENTLY_CLOSED_DAYS * 86_400_000, limit: RECENTLY_CLOSED_ROWS }) as ListRow[];
  return {
    open: open.slice(0, MAX_FOLLOWUP_LIST_ROWS).map(toRow),
    recentlyClosed: closed.map(toRow),
    truncated: open.length > MAX_FOLLOWUP_LIST_ROWS,
  };
}
