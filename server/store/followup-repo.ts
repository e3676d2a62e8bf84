// Follow-ups and what hangs off them: the event trail, notes, contact logs and the
// notifications sent to respondents.
import type { ContactEntry, Followup, FollowupEvent } from '../../common/api/records.js';
import type { Notification } from '../../common/api/notifications.js';
import type { Db } from './database.js';
import { readJson, writeJson } from './json-columns.js';

type FollowupRow = Omit<Followup, 'root_causes' | 'tags'> & { root_causes: string; tags: string };

interface EventRow {
  id: string;
  followup_id: string;
  actor_id: string;
  at: string;
  data: string;
}

const FOLLOWUP_COLUMNS = [
  'id',
  'response_id',
  'end_user_id',
  'status',
  'assignee_id',
  'priority',
  'due_at',
  'first_contact_at',
  'done_at',
  'informed_at',
  'closed_reason',
  'action_summary',
  'root_causes',
  'tags',
  'version',
  'created_at',
  'updated_at',
] as const;
const NOTIFICATION_COLUMNS =
  'id, followup_id, response_id, end_user_id, sent_by, to_email, message, language, created_at';

const toFollowup = (r: FollowupRow): Followup => ({
  ...r,
  root_causes: readJson<string[]>(r.root_causes),
  tags: readJson<string[]>(r.tags),
});

const toEvent = (r: EventRow): FollowupEvent => ({ ...r, data: readJson<FollowupEvent['data']>(r.data) });

export interface NotificationFilter {
  readonly followup_id?: string | undefined;
  readonly end_user_id?: string | undefined;
  /** Agents see only notifications they sent or whose follow-up they own. */
  readonly visibleTo?: string | undefined;
  readonly limit: number;
}

export class FollowupRepo {
  readonly #get;
  readonly #upsert;
  readonly #insertEvent;
  readonly #eventsOf;
  readonly #note;
  readonly #insertNote;
  readonly #updateNote;
  readonly #contactExists;
  readonly #insertContact;
  readonly #insertNotification;
  readonly #followupsOf;

  constructor(private readonly db: Db) {
    const cols = FOLLOWUP_COLUMNS.join(', ');
    this.#get = db.prepare<[string], FollowupRow>(`SELECT ${cols} FROM followups WHERE id = ?`);
    this.#upsert = db.prepare<[FollowupRow]>(
      `INSERT INTO followups (${cols}) VALUES (${FOLLOWUP_COLUMNS.map((c) => `@${c}`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${FOLLOWUP_COLUMNS.filter((c) => c !== 'id')
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}`,
    );
    this.#insertEvent = db.prepare<[EventRow]>(
      'INSERT INTO followup_events (id, followup_id, actor_id, at, data) VALUES (@id, @followup_id, @actor_id, @at, @data)',
    );
    this.#eventsOf = db.prepare<[string], EventRow>(
      'SELECT id, followup_id, actor_id, at, data FROM followup_events WHERE followup_id = ? ORDER BY rowid',
    );
    this.#note = db.prepare<[string], { followup_id: string; author_id: string }>(
      'SELECT followup_id, author_id FROM notes WHERE id = ?',
    );
    this.#insertNote = db.prepare<[string, string, string, string, string, string]>(
      'INSERT INTO notes (id, followup_id, author_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#updateNote = db.prepare<[string, string, string]>('UPDATE notes SET text = ?, updated_at = ? WHERE id = ?');
    this.#contactExists = db.prepare<[string], number>('SELECT 1 FROM contacts WHERE id = ?').pluck();
    this.#insertContact = db.prepare<[string, string, string, string, string, string, string, string]>(
      'INSERT INTO contacts (id, followup_id, actor_id, channel, direction, outcome, note, contacted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#insertNotification = db.prepare<[Notification]>(
      `INSERT INTO notifications (${NOTIFICATION_COLUMNS}) VALUES (@id, @followup_id, @response_id, @end_user_id, @sent_by, @to_email, @message, @language, @created_at)`,
    );
    this.#followupsOf = db.prepare<[string], FollowupRow>(
      `SELECT ${cols} FROM followups WHERE end_user_id = ? ORDER BY created_at, id`,
    );
  }

  get(id: string): Followup | null {
    const row = this.#get.get(id);
    return row ? toFollowup(row) : null;
  }

  put(f: Followup): void {
    this.#upsert.run({ ...f, root_causes: writeJson(f.root_causes), tags: writeJson(f.tags) });
  }

  insertEvent(e: FollowupEvent): void {
    this.#insertEvent.run({ ...e, data: writeJson(e.data) });
  }

  eventsOf(followupId: string): FollowupEvent[] {
    return this.#eventsOf.all(followupId).map(toEvent);
  }

  followupsOf(endUserId: string): Followup[] {
    return this.#followupsOf.all(endUserId).map(toFollowup);
  }

  note(id: string): { readonly followup_id: string; readonly author_id: string } | null {
    return this.#note.get(id) ?? null;
  }

  insertNote(id: string, followupId: string, authorId: string, text: string, at: string): void {
    this.#insertNote.run(id, followupId, authorId, text, at, at);
  }

  updateNote(id: string, text: string, at: string): void {
    this.#updateNote.run(text, at, id);
  }

  contactExists(id: string): boolean {
    return this.#contactExists.get(id) !== undefined;
  }

  insertContact(id: string, followupId: string, actorId: string, c: ContactEntry): void {
    this.#insertContact.run(id, followupId, actorId, c.channel, c.direction, c.outcome, c.note, c.contacted_at);
  }

  insertNotification(n: Notification): void {
    this.#insertNotification.run(n);
  }

  notifications(filter: NotificationFilter): Notification[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit };
    if (filter.followup_id !== undefined) {
      where.push('n.followup_id = @followup_id');
      params.followup_id = filter.followup_id;
    }
    if (filter.end_user_id !== undefined) {
      where.push('n.end_user_id = @end_user_id');
      params.end_user_id = filter.end_user_id;
    }
    if (filter.visibleTo !== undefined) {
      where.push('(n.sent_by = @me OR f.assignee_id = @me)');
      params.me = filter.visibleTo;
    }
    const sql = `SELECT ${NOTIFICATION_COLUMNS.split(', ')
      .map((c) => `n.${c}`)
      .join(', ')} FROM notifications n JOIN followups f ON f.id = n.followup_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY n.created_at DESC, n.rowid DESC LIMIT @limit`;
    return this.db.prepare<[Record<string, string | number>], Notification>(sql).all(params);
  }
}
