// Everything the detail pane shows about one response: the response, its respondent (and
// whether they may be contacted), the follow-up with its audit trail, and the respondent's
// other answers and declines.
import {
  followupIdFor,
  type Decline,
  type EndUser,
  type Followup,
  type FollowupEvent,
  type Staff,
} from '../../../common/api/records.js';
import { contactability } from '../../../common/domain/contactability.js';
import { bandOf } from '../../../common/domain/metrics.js';
import type { QueueDetail, TimelineEntry } from '../../../common/queue/row.js';
import { fromSqlBoolean, toInstant } from '../db/codec.js';
import { getFollowup } from '../db/readers/get-followup.js';
import { getResponse } from '../db/readers/get-response.js';
import { fromResponseRow, RESPONSE_COLUMNS, type ResponseRow } from '../db/response-row.js';
import type { Db } from '../db/sqlite.js';
import { queueStatement } from './queue-statements.js';
import { readStaff } from './queue-context.js';

/** The timeline lists this many of the respondent's other answers and declines. */
export const TIMELINE_LIMIT = 100;

interface RespondentRow {
  readonly id: string;
  readonly email: string | null;
  readonly external_id: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly properties: string;
  readonly restricted: number;
  readonly objected: number;
  readonly created_at: number;
  readonly updated_at: number;
}

function toEndUser(row: RespondentRow): EndUser {
  return {
    ...row,
    properties: JSON.parse(row.properties) as EndUser['properties'],
    restricted: fromSqlBoolean(row.restricted),
    objected: fromSqlBoolean(row.objected),
    created_at: toInstant(row.created_at),
    updated_at: toInstant(row.updated_at),
  };
}

interface EventRow {
  readonly id: string;
  readonly followup_id: string;
  readonly actor_id: string;
  readonly at: number;
  readonly data: string;
}

function toFollowupEvent(row: EventRow): FollowupEvent {
  return { ...row, at: toInstant(row.at), data: JSON.parse(row.data) as FollowupEvent['data'] };
}

type DeclineRow = Omit<Decline, 'created_at'> & { readonly created_at: number };

function timelineOf(db: Db, endUserId: string, excludeId: string): TimelineEntry[] {
  const responses = (
    queueStatement(
      db,
      `SELECT ${RESPONSE_COLUMNS.join(', ')} FROM responses WHERE end_user_id = ? AND id <> ? ORDER BY created_at DESC LIMIT ?`,
    ).all(endUserId, excludeId, TIMELINE_LIMIT) as ResponseRow[]
  ).map((row) => ({ at: row.created_at, entry: { kind: 'response', response: fromResponseRow(row) } as const }));
  const declines = (
    queueStatement(
      db,
      'SELECT id, end_user_id, survey_type, channel, product, origin_url, created_at FROM declines ' +
        'WHERE end_user_id = ? ORDER BY created_at DESC LIMIT ?',
    ).all(endUserId, TIMELINE_LIMIT) as DeclineRow[]
  ).map((row) => ({
    at: row.created_at,
    entry: { kind: 'decline', decline: { ...row, created_at: toInstant(row.created_at) } } as const,
  }));
  return [...responses, ...declines]
    .sort((a, b) => b.at - a.at)
    .slice(0, TIMELINE_LIMIT)
    .map((item) => item.entry);
}

function namedStaff(db: Db, followup: Followup | null, history: readonly FollowupEvent[]): Staff[] {
  const ids = new Set<string>();
  if (followup?.assignee_id != null) ids.add(followup.assignee_id);
  for (const event of history) {
    ids.add(event.actor_id);
    if (event.data.kind === 'assigned') ids.add(event.data.assignee_id);
    if (
      (event.data.kind === 'assigned' || event.data.kind === 'unassigned') &&
      event.data.previous_assignee_id !== null
    ) {
      ids.add(event.data.previous_assignee_id);
    }
  }
  return readStaff(db).filter((s) => ids.has(s.id));
}

export function readQueueDetail(db: Db, id: string): QueueDetail | null {
  const response = getResponse(db, id);
  if (response === null) return null;
  const respondentRow = queueStatement(db, 'SELECT * FROM respondents WHERE id = ?').get(response.end_user_id) as
    RespondentRow | undefined;
  const respondent = respondentRow === undefined ? null : toEndUser(respondentRow);
  const erased =
    respondent === null &&
    queueStatement(db, 'SELECT 1 FROM erasures WHERE end_user_id = ?').get(response.end_user_id) !== undefined;
  const followup = getFollowup(db, followupIdFor(id));
  const history =
    followup === null
      ? []
      : (
          queueStatement(
            db,
            'SELECT id, followup_id, actor_id, at, data FROM followup_events WHERE followup_id = ? ORDER BY at, id',
          ).all(followup.id) as EventRow[]
        ).map(toFollowupEvent);
  // A respondent not synced yet is not known to be erased: contact waits for their details.
  const gate = contactability({
    answer: 'response',
    respondent: erased
      ? null
      : {
          email: respondent?.email ?? null,
          phone: respondent?.phone ?? null,
          restricted: respondent?.restricted ?? false,
          objected: respondent?.objected ?? false,
          erased: false,
        },
  });
  const lastContactAt = queueStatement(db, 'SELECT last_contact_at FROM responses WHERE id = ?').pluck().get(id) as
    number | null;
  return {
    response,
    band: bandOf(response.survey_type, response.score),
    respondent,
    respondentState: respondent !== null ? 'present' : erased ? 'erased' : 'not_synced',
    notContactable: gate.contactable ? null : gate.reason,
    followup,
    history,
    timeline: timelineOf(db, response.end_user_id, id),
    staff: namedStaff(db, followup, history),
    lastContactAt,
  };
}
