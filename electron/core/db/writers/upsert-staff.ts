import type { Staff } from '../../../../common/api/records.js';
import { toSqlBoolean } from '../codec.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';
import { upsertSql } from './upsert-sql.js';

const UPSERT = upsertSql('staff', ['id', 'name', 'email', 'role', 'active']);

export function upsertStaff(db: Db, staff: Staff): void {
  prepareCached(db, UPSERT).run({ ...staff, active: toSqlBoolean(staff.active) });
}
