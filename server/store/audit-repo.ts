// The privacy audit trail: who exported, erased, rectified, restricted or recorded an
// objection. It names the respondent only by id and outlives an erasure on purpose.
import type { AuditAction, AuditEntry } from '../../common/api/privacy.js';
import type { Db } from './database.js';
import { readJson, writeJson } from './json-columns.js';

interface AuditRow {
  seq: number;
  actor_id: string;
  action: AuditAction;
  end_user_id: string | null;
  at: string;
  details: string;
}

const toEntry = ({ seq, details, ...r }: AuditRow): AuditEntry => ({
  id: `au_${seq}`,
  ...r,
  details: readJson<AuditEntry['details']>(details),
});

export class AuditRepo {
  readonly #insert;
  readonly #recent;
  readonly #ofEndUser;

  constructor(db: Db) {
    this.#insert = db.prepare<[string, AuditAction, string | null, string, string]>(
      'INSERT INTO audit (actor_id, action, end_user_id, at, details) VALUES (?, ?, ?, ?, ?)',
    );
    this.#recent = db.prepare<[number], AuditRow>('SELECT * FROM audit ORDER BY seq DESC LIMIT ?');
    this.#ofEndUser = db.prepare<[string, number], AuditRow>(
      'SELECT * FROM audit WHERE end_user_id = ? ORDER BY seq DESC LIMIT ?',
    );
  }

  /** `endUserId` null: an entry about many respondents (a client's bulk export). */
  record(
    actorId: string,
    action: AuditAction,
    endUserId: string | null,
    at: string,
    details: AuditEntry['details'],
  ): void {
    this.#insert.run(actorId, action, endUserId, at, writeJson(details));
  }

  list(endUserId: string | undefined, limit: number): AuditEntry[] {
    const rows = endUserId === undefined ? this.#recent.all(limit) : this.#ofEndUser.all(endUserId, limit);
    return rows.map(toEntry);
  }
}
