// GET /v1/me and GET /v1/staff, stored: 'me' in sync_state (the queue and the reducer's
// actor read it) and the directory in the staff table (assignee pickers, "active" checks).
import type { Staff } from '../../../../common/api/records.js';
import type { Db } from '../../db/sqlite.js';
import { upsertStaff } from '../../db/writers/upsert-staff.js';
import { SYNC_KEYS, writeSyncState } from './sync-state.js';

export interface IdentityArgs {
  readonly me: Staff;
  readonly staff: readonly Staff[];
}

export function recordIdentity(db: Db, args: IdentityArgs): void {
  db.transaction(() => {
    writeSyncState(db, SYNC_KEYS.me, args.me);
    upsertStaff(db, args.me);
    for (const member of args.staff) upsertStaff(db, member);
  }).immediate();
}
