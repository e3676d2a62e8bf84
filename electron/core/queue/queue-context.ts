// Who is signed in, the staff directory and the known tags: what the queue's filters and
// sorts need besides the query. "Me" is written by sync (from GET /v1/me) into sync_state
// under the key 'me', as the staff id or as the staff record.
import type { Staff } from '../../../common/api/records.js';
import type { QueueContext } from '../../../common/ipc/channels/queue.js';
import { fromSqlBoolean } from '../db/codec.js';
import type { Db } from '../db/sqlite.js';
import { queueStatement } from './queue-statements.js';

export const ME_SYNC_STATE_KEY = 'me';

interface StaffRow {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: Staff['role'];
  readonly active: number;
}

function toStaff(row: StaffRow): Staff {
  return { ...row, active: fromSqlBoolean(row.active) };
}

/** The signed-in staff member's id, or null before sync has learnt it. */
export function readMe(db: Db): string | null {
  const raw = queueStatement(db, 'SELECT value FROM sync_state WHERE key = ?').pluck().get(ME_SYNC_STATE_KEY) as
    string | undefined;
  if (raw === undefined) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string') return value.id;
  } catch {
    // A malformed entry means "not known", like a missing one.
  }
  return null;
}

export function readStaff(db: Db): Staff[] {
  return (
    queueStatement(
      db,
      'SELECT id, name, email, role, active FROM staff ORDER BY name COLLATE NOCASE, id',
    ).all() as StaffRow[]
  ).map(toStaff);
}

/** Staff ids in the order the assignee column sorts them: by name. */
export function staffInNameOrder(db: Db): string[] {
  return queueStatement(db, 'SELECT id FROM staff ORDER BY name COLLATE NOCASE, id').pluck().all() as string[];
}

/** Distinct tags by skipping through the index, one probe per tag rather than per row. */
const DISTINCT_TAGS = `
WITH RECURSIVE t(tag) AS (
  SELECT min(tag) FROM queue_tags
  UNION ALL SELECT (SELECT min(tag) FROM queue_tags WHERE tag > t.tag) FROM t WHERE t.tag IS NOT NULL
)
SELECT tag FROM t WHERE tag IS NOT NULL LIMIT 1000`;

export function readQueueContext(db: Db): QueueContext {
  const staff = readStaff(db);
  const meId = readMe(db);
  return {
    me: staff.find((s) => s.id === meId) ?? null,
    staff,
    tags: queueStatement(db, DISTINCT_TAGS).pluck().all() as string[],
  };
}
