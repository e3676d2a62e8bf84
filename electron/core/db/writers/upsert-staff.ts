import type { Staff } from '../../../../common/api/records.js';
import { toSqlBoolean } from '../codec.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';
import { upsertStatement } from './upsert-sql.js';

const UPSERT = upsertStatement('staff', ['id', 'name', 'email', 'role', 'active']);

export function upsertStaff(db: Db, staff: Staff): void {
  prepareCached(db, UPSERT.sql).run(UPSERT.values({ ...staff, active: toSqlBoolean(staff.active) }));
}
