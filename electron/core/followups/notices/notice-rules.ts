// The notice rules (issue "Follow-up workflow" §7–8), run on the database worker after each
// completed sync and once a minute:
// - someone else assigned me a follow-up;
// - one of mine became overdue;
// - a colleague's change won over mine (server order decides; the loser is told): they took
//   a follow-up off me, or changed what I had changed within the hour before;
// - the server refused one of my changes because of a colleague's change: who, and when.
import type { FollowupEventData } from '../../../../common/api/records.js';
import { followupIdFor } from '../../../../common/api/records.js';
import type { NoticeKind } from '../../../../common/ipc/channels/followups.js';
import { OPEN_STATUSES } from '../../../../common/domain/followup-status.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';
import { readMe } from '../../queue/queue-context.js';
import { composeNotices, type NoticeDraft, type NoticeFacts } from './compose-notices.js';
import { readWatermark, writeWatermark } from './notice-state.js';

/** A colleague's change counts as winning over mine when I changed the same thing this shortly before. */
export const CONFLICT_WINDOW_MS = 60 * 60_000;
/** Server and client clocks differ a little: events this much older than the last check still count. */
export const CLOCK_SLACK_MS = 60 * 60_000;
/** A refusal is explained by a colleague's change made at most this long before it. */
export const REJECTION_LOOKBACK_MS = 24 * 3_600_000;

const LOCAL_EVENTS = 'local:*';

export interface RejectedMutation {
  readonly responseId: string;
  readonly reason: string;
  readonly rejectedAt: number;
}

export interface NoticeCheck {
  readonly nowMs: number;
  /** Refusals since the last check ('mutation:rejected'), to explain by a colleague's change. */
  readonly rejections: readonly RejectedMutation[];
}

interface EventRow {
  readonly rid: number;
  readonly followup_id: string;
  readonly actor_id: string;
  readonly at: number;
  readonly data: string;
  readonly response_id: string | null;
  readonly current_assignee: string | null;
}

/** What a change is about: two changes of one topic close together are a conflict. */
function topicOf(data: FollowupEventData): string | null {
  switch (data.kind) {
    case 'assigned':
    case 'unassigned':
      return 'assignee';
    case 'status_set':
      // New ⇄ assigned follows who owns it (assign, unassign): an assignment, not a decision
      // about the work, so the assignee's next step does not undo it.
      return data.to === 'assigned' || data.to === 'new' ? 'assignee' : 'status';
    case 'done':
    case 'informed':
      return 'status';
    case 'due_set':
      return 'due';
    case 'priority_set':
      return 'priority';
    case 'tags_set':
      return 'tags';
    case 'note_edited':
      return `note:${data.note_id}`;
    case 'created':
    case 'contact_logged':
    case 'note_added':
      return null;
  }
}

function topRowid(db: Db): number {
  const rowid = prepareCached(
    db,
    'SELECT rowid FROM followup_events WHERE id NOT GLOB ? ORDER BY rowid DESC LIMIT 1',
    'pluck',
  ).get(LOCAL_EVENTS) as number | undefined;
  return rowid ?? 0;
}

function myTopicsNear(db: Db, followupId: string, me: string, at: number): Set<string> {
  const rows = prepareCached(
    db,
    'SELECT data FROM followup_events WHERE followup_id = ? AND actor_id = ? AND at BETWEEN ? AND ?',
    'pluck',
  ).all(followupId, me, at - CONFLICT_WINDOW_MS, at) as string[];
  return new Set(rows.map((data) => topicOf(JSON.parse(data) as FollowupEventData)).filter((t) => t !== null));
}

function newEvents(db: Db, after: number, me: string, since: number): EventRow[] {
  return prepareCached(
    db,
    `SELECT e.rowid AS rid, e.followup_id, e.actor_id, e.at, e.data, f.response_id, f.assignee_id AS current_assignee
       FROM followup_events e LEFT JOIN followups f ON f.id = e.followup_id
      WHERE e.rowid > ? AND e.id NOT GLOB ? AND e.actor_id <> ? AND e.at >= ?
      ORDER BY e.rowid`,
  ).all(after, LOCAL_EVENTS, me, since) as EventRow[];
}

function classify(db: Db, row: EventRow, me: string): NoticeFacts | null {
  if (row.response_id === null) return null;
  const data = JSON.parse(row.data) as FollowupEventData;
  const base = { responseId: row.response_id, actorId: row.actor_id, at: row.at, data };
  if (data.kind === 'assigned' && data.assignee_id === me) {
    // Only while it is still mine: a handover already undone is not news.
    return row.current_assignee === me ? { kind: 'assigned', ...base } : null;
  }
  if ((data.kind === 'assigned' || data.kind === 'unassigned') && data.previous_assignee_id === me) {
    return { kind: 'overridden', ...base };
  }
  const topic = topicOf(data);
  if (topic === null || !myTopicsNear(db, row.followup_id, me, row.at).has(topic)) return null;
  return { kind: 'overridden', ...base };
}

function becameOverdue(db: Db, me: string, from: number, to: number): NoticeFacts[] {
  const rows = prepareCached(
    db,
    `SELECT response_id, due_at FROM followups
      WHERE status IN (${OPEN_STATUSES.map(() => '?').join(', ')}) AND due_at > ? AND due_at <= ? AND assignee_id = ?
      ORDER BY due_at`,
  ).all(...OPEN_STATUSES, from, to, me) as { response_id: string; due_at: number }[];
  return rows.map((row) => ({ kind: 'overdue', responseId: row.response_id, at: row.due_at }));
}

function explainRejections(db: Db, me: string, rejections: readonly RejectedMutation[]): NoticeFacts[] {
  const facts: NoticeFacts[] = [];
  const seen = new Set<string>();
  for (const rejection of rejections) {
    if (seen.has(rejection.responseId)) continue;
    seen.add(rejection.responseId);
    const row = prepareCached(
      db,
      `SELECT actor_id, at, data FROM followup_events
        WHERE followup_id = ? AND actor_id <> ? AND id NOT GLOB ? AND at >= ?
        ORDER BY at DESC, rowid DESC LIMIT 1`,
    ).get(followupIdFor(rejection.responseId), me, LOCAL_EVENTS, rejection.rejectedAt - REJECTION_LOOKBACK_MS) as
      { actor_id: string; at: number; data: string } | undefined;
    if (row === undefined) continue;
    facts.push({
      kind: 'conflict',
      responseId: rejection.responseId,
      actorId: row.actor_id,
      at: row.at,
      data: JSON.parse(row.data) as FollowupEventData,
      reason: rejection.reason,
    });
  }
  return facts;
}

/** Keeps the newest fact per follow-up and kind; a refusal explained replaces "overridden". */
function latestPerFollowup(facts: readonly NoticeFacts[]): NoticeFacts[] {
  const explained = new Set(facts.filter((f) => f.kind === 'conflict').map((f) => f.responseId));
  const byKey = new Map<string, NoticeFacts>();
  for (const fact of facts) {
    if (fact.kind === 'overridden' && explained.has(fact.responseId)) continue;
    byKey.set(`${fact.kind}:${fact.responseId}`, fact);
  }
  return [...byKey.values()];
}

export function checkNotices(db: Db, check: NoticeCheck): NoticeDraft[] {
  const me = readMe(db);
  if (me === null) return [];
  return db
    .transaction(() => {
      const state = readWatermark(db, me);
      const top = topRowid(db);
      const conflicts = explainRejections(db, me, check.rejections);
      // First check for this person, or the cache was rebuilt (rowids start again): what is
      // there now is history, not news.
      if (state === null || top < state.eventRowid) {
        writeWatermark(db, me, { eventRowid: top, checkedAt: check.nowMs });
        return composeNotices(db, me, conflicts, check.nowMs);
      }
      const facts: NoticeFacts[] = [...conflicts];
      for (const row of newEvents(db, state.eventRowid, me, state.checkedAt - CLOCK_SLACK_MS)) {
        const fact = classify(db, row, me);
        if (fact !== null) facts.push(fact);
      }
      facts.push(...becameOverdue(db, me, state.checkedAt, check.nowMs));
      writeWatermark(db, me, { eventRowid: top, checkedAt: check.nowMs });
      return composeNotices(db, me, latestPerFollowup(facts), check.nowMs);
    })
    .immediate();
}

export type { NoticeDraft, NoticeKind };
