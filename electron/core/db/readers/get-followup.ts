// A follow-up as the followups table stores it, back to its API shape: the inverse of
// writers/upsert-followup.ts, so that sync can re-apply local edits on top of it with the
// shared reducer and tests can compare it with the server's record field by field.
import type { Followup } from '../../../../common/api/records.js';
import { toInstant } from '../codec.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

interface FollowupRow {
  readonly id: string;
  readonly response_id: string;
  readonly end_user_id: string;
  readonly status: Followup['status'];
  readonly assignee_id: string | null;
  readonly priority: Followup['priority'];
  readonly due_at: number | null;
  readonly first_contact_at: number | null;
  readonly done_at: number | null;
  readonly informed_at: number | null;
  readonly closed_reason: string | null;
  readonly action_summary: string | null;
  readonly root_causes: string;
  readonly tags: string;
  readonly version: number;
  readonly created_at: number;
  readonly updated_at: number;
}

const SELECT =
  'SELECT id, response_id, end_user_id, status, assignee_id, priority, due_at, first_contact_at, done_at, ' +
  'informed_at, closed_reason, action_summary, root_causes, tags, version, created_at, updated_at FROM followups';

function nullableInstant(ms: number | null): string | null {
  return ms === null ? null : toInstant(ms);
}

/** Trusts the row: only the writers put rows in the table. */
export function fromFollowupRow(row: FollowupRow): Followup {
  return {
    ...row,
    due_at: nullableInstant(row.due_at),
    first_contact_at: nullableInstant(row.first_contact_at),
    done_at: nullableInstant(row.done_at),
    informed_at: nullableInstant(row.informed_at),
    root_causes: JSON.parse(row.root_causes) as string[],
    tags: JSON.parse(row.tags) as string[],
    created_at: toInstant(row.created_at),
    updated_at: toInstant(row.updated_at),
  };
}

export function getFollowup(db: Db, id: string): Followup | null {
  const row = prepareCached(db, `${SELECT} WHERE id = ?`).get(id) as FollowupRow | undefined;
  return row === undefined ? null : fromFollowupRow(row);
}

/** Every follow-up, by id: for comparisons with the server (tests, diagnostics). */
export function listFollowups(db: Db): Followup[] {
  return (prepareCached(db, `${SELECT} ORDER BY id`).all() as FollowupRow[]).map(fromFollowupRow);
}
