// A follow-up's notes (with who edited them and when) and its contact log, from the
// projections sync keeps of the audit trail (db/writers/project-followup-event.ts).
import { followupIdFor } from '../../../common/api/records.js';
import type { FollowupContact, FollowupNote, FollowupRecord } from '../../../common/ipc/channels/followups.js';
import { prepareCached } from '../db/statement-cache.js';
import type { Db } from '../db/sqlite.js';

interface NoteRow {
  readonly id: string;
  readonly author_id: string;
  readonly text: string;
  readonly created_at: number;
  readonly edited_at: number | null;
  readonly edited_by: string | null;
}

interface ContactRow {
  readonly id: string;
  readonly actor_id: string;
  readonly channel: FollowupContact['channel'];
  readonly direction: FollowupContact['direction'];
  readonly outcome: FollowupContact['outcome'];
  readonly note: string;
  readonly contacted_at: number;
  readonly logged_at: number;
}

export function readRecord(db: Db, responseId: string): FollowupRecord {
  const followupId = followupIdFor(responseId);
  const notes = (
    prepareCached(
      db,
      'SELECT id, author_id, text, created_at, edited_at, edited_by FROM notes WHERE followup_id = ? ORDER BY created_at, id',
    ).all(followupId) as NoteRow[]
  ).map((row): FollowupNote => ({
    id: row.id,
    authorId: row.author_id,
    text: row.text,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    editedBy: row.edited_by,
  }));
  const contacts = (
    prepareCached(
      db,
      'SELECT id, actor_id, channel, direction, outcome, note, contacted_at, logged_at FROM contact_log ' +
        'WHERE followup_id = ? ORDER BY contacted_at, id',
    ).all(followupId) as ContactRow[]
  ).map((row): FollowupContact => ({
    id: row.id,
    actorId: row.actor_id,
    channel: row.channel,
    direction: row.direction,
    outcome: row.outcome,
    note: row.note,
    contactedAt: row.contacted_at,
    loggedAt: row.logged_at,
  }));
  return { notes, contacts };
}
