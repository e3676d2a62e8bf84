// Staff members and the hashes of their bearer tokens (and of survey ingestion keys).
import type { Staff } from '../../common/api/records.js';
import type { Db } from './database.js';
import { bool, int } from './json-columns.js';

interface StaffRow {
  id: string;
  name: string;
  email: string;
  role: Staff['role'];
  active: number;
  created_at: string;
}

export type TokenKind = 'staff' | 'ingest';

/** Who a token speaks for: a staff member, or a survey posting answers. */
export type Principal =
  { readonly kind: 'staff'; readonly staff: Staff } | { readonly kind: 'ingest'; readonly label: string };

const toStaff = ({ created_at: _c, active, ...r }: StaffRow): Staff => ({ ...r, active: bool(active) });

export class StaffRepo {
  readonly #insert;
  readonly #get;
  readonly #all;
  readonly #insertToken;
  readonly #principal;

  constructor(db: Db) {
    this.#insert = db.prepare<[StaffRow]>(
      'INSERT INTO staff (id, name, email, role, active, created_at) VALUES (@id, @name, @email, @role, @active, @created_at)',
    );
    this.#get = db.prepare<[string], StaffRow>('SELECT * FROM staff WHERE id = ?');
    this.#all = db.prepare<[], StaffRow>('SELECT * FROM staff ORDER BY name, id');
    this.#insertToken = db.prepare<[string, TokenKind, string | null, string, string]>(
      'INSERT INTO tokens (hash, kind, staff_id, label, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#principal = db.prepare<[string], { kind: TokenKind; label: string; staff_id: string | null }>(
      'SELECT kind, label, staff_id FROM tokens WHERE hash = ? AND revoked_at IS NULL',
    );
  }

  insert(staff: Staff, createdAt: string): void {
    this.#insert.run({ ...staff, active: int(staff.active), created_at: createdAt });
  }

  get(id: string): Staff | null {
    const row = this.#get.get(id);
    return row ? toStaff(row) : null;
  }

  all(): Staff[] {
    return this.#all.all().map(toStaff);
  }

  insertToken(hash: string, kind: TokenKind, staffId: string | null, label: string, createdAt: string): void {
    this.#insertToken.run(hash, kind, staffId, label, createdAt);
  }

  /** null for unknown or revoked tokens, and for tokens of staff no longer active. */
  principalByTokenHash(hash: string): Principal | null {
    const token = this.#principal.get(hash);
    if (!token) return null;
    if (token.kind === 'ingest') return { kind: 'ingest', label: token.label };
    const staff = token.staff_id === null ? null : this.get(token.staff_id);
    return staff?.active ? { kind: 'staff', staff } : null;
  }
}
