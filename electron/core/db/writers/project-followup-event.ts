// The read models derived from the audit trail. The follow-up record itself already carries
// the state that assignment, status and due events change; only contact logs, notes and
// root causes need projecting here.
import type { FollowupEvent } from '../../../../common/api/records.js';
import { toEpochMs } from '../codec.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';
import { rememberRootCauses } from './remember-root-causes.js';

const INSERT_CONTACT =
  'INSERT INTO contact_log (id, followup_id, event_id, actor_id, channel, direction, outcome, note, contacted_at, logged_at) ' +
  'VALUES (@id, @followup_id, @event_id, @actor_id, @channel, @direction, @outcome, @note, @contacted_at, @logged_at) ' +
  'ON CONFLICT (id) DO NOTHING';

// When the edit of a note is seen before its creation (events of one follow-up can span
// pages), the edit creates the row and the creation then only fills in author and time.
const ADD_NOTE =
  'INSERT INTO notes (id, followup_id, author_id, text, created_at) VALUES (@id, @followup_id, @author_id, @text, @at) ' +
  'ON CONFLICT (id) DO UPDATE SET author_id = excluded.author_id, created_at = excluded.created_at';

const EDIT_NOTE =
  'INSERT INTO notes (id, followup_id, author_id, text, created_at, edited_at, edited_by) ' +
  'VALUES (@id, @followup_id, @author_id, @text, @at, @at, @author_id) ' +
  'ON CONFLICT (id) DO UPDATE SET text = excluded.text, edited_at = excluded.edited_at, edited_by = excluded.edited_by ' +
  'WHERE notes.edited_at IS NULL OR notes.edited_at <= excluded.edited_at';

export function projectFollowupEvent(db: Db, event: FollowupEvent, atMs: number): void {
  const data = event.data;
  switch (data.kind) {
    case 'contact_logged':
      prepareCached(db, INSERT_CONTACT).run({
        id: data.contact_id,
        followup_id: event.followup_id,
        event_id: event.id,
        actor_id: event.actor_id,
        channel: data.contact.channel,
        direction: data.contact.direction,
        outcome: data.contact.outcome,
        note: data.contact.note,
        contacted_at: toEpochMs(data.contact.contacted_at),
        logged_at: atMs,
      });
      return;
    case 'note_added':
    case 'note_edited':
      prepareCached(db, data.kind === 'note_added' ? ADD_NOTE : EDIT_NOTE).run({
        id: data.note_id,
        followup_id: event.followup_id,
        author_id: event.actor_id,
        text: data.text,
        at: atMs,
      });
      return;
    case 'done':
      rememberRootCauses(db, data.root_causes, atMs);
      return;
    case 'created':
    case 'assigned':
    case 'unassigned':
    case 'due_set':
    case 'priority_set':
    case 'status_set':
    case 'tags_set':
    case 'informed':
      return;
  }
}
