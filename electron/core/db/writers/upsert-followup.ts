// The response's triage columns (status, assignee, priority, due) follow through the
// triggers of migration 0001.
import type { Followup } from '../../../../common/api/records.js';
import { toEpochMs, toNullableEpochMs } from '../codec.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';
import { isCoveredByErasure } from './erasure-guard.js';
import { rememberRootCauses } from './remember-root-causes.js';
import { upsertStatement } from './upsert-sql.js';

const UPSERT = upsertStatement('followups', [
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
]);

/** Returns false when the record was dropped because its respondent was erased. */
export function upsertFollowup(db: Db, followup: Followup): boolean {
  const createdAt = toEpochMs(followup.created_at);
  if (isCoveredByErasure(db, followup.end_user_id, createdAt)) return false;
  const updatedAt = toEpochMs(followup.updated_at);
  prepareCached(db, UPSERT.sql).run(
    UPSERT.values({
      ...followup,
      due_at: toNullableEpochMs(followup.due_at),
      first_contact_at: toNullableEpochMs(followup.first_contact_at),
      done_at: toNullableEpochMs(followup.done_at),
      informed_at: toNullableEpochMs(followup.informed_at),
      root_causes: JSON.stringify(followup.root_causes),
      tags: JSON.stringify(followup.tags),
      created_at: createdAt,
      updated_at: updatedAt,
    }),
  );
  rememberRootCauses(db, followup.root_causes, updatedAt);
  return true;
}
