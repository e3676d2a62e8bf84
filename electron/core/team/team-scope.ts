// Who is asking, and so whose figures the Team view may show (common/team/scope.ts). The
// role is the server's: sync stores GET /v1/me in sync_state 'me' (as the staff record, or
// as the bare id in older caches and the benchmarks, when the staff table has the role).
import { STAFF_ROLES, type StaffRole } from '../../../common/api/records.js';
import type { TeamScope } from '../../../common/team/scope.js';
import type { Db } from '../db/sqlite.js';
import { ME_SYNC_STATE_KEY, readMe } from '../queue/queue-context.js';
import { queueStatement } from '../queue/queue-statements.js';
import { sql, type SqlFragment } from '../queue/sql/sql-fragment.js';

function isRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

function roleFromMeRecord(db: Db): StaffRole | null {
  const raw = queueStatement(db, 'SELECT value FROM sync_state WHERE key = ?').pluck().get(ME_SYNC_STATE_KEY) as
    string | undefined;
  if (raw === undefined) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && 'role' in value && isRole(value.role)) return value.role;
  } catch {
    // Unreadable: fall back to the directory.
  }
  return null;
}

export function readTeamScope(db: Db): TeamScope {
  const id = readMe(db);
  if (id === null) return { me: null, sees: 'none' };
  const staff = queueStatement(db, 'SELECT name, role FROM staff WHERE id = ?').get(id) as
    { readonly name: string; readonly role: string } | undefined;
  const role = roleFromMeRecord(db) ?? (isRole(staff?.role) ? staff.role : null);
  if (role === null) return { me: null, sees: 'none' };
  return { me: { id, name: staff?.name ?? null, role }, sees: role === 'manager' ? 'team' : 'self' };
}

/**
 * The follow-ups a scope may count, over `responses`: everyone's for a manager, an agent's
 * own, nothing before sign-in. `alsoUnassigned` keeps follow-ups nobody holds in an agent's
 * scope (the backlog's unassigned row: anyone may take one).
 */
export function scopeCondition(scope: TeamScope, alsoUnassigned = false): SqlFragment {
  switch (scope.sees) {
    case 'team':
      return sql('1');
    case 'none':
      return sql('0');
    case 'self':
      return alsoUnassigned
        ? sql('(assignee_id = ? OR assignee_id IS NULL)', scope.me?.id ?? null)
        : sql('assignee_id = ?', scope.me?.id ?? null);
  }
}
