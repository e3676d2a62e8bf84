// Staff members, their bearer tokens and survey ingestion keys.
import type { Staff, StaffRole } from '../../common/api/records.js';
import type { Principal } from '../store/staff-repo.js';
import type { Store } from '../store/store.js';
import { newId, newToken, sha256Hex } from './hashing.js';
import { iso } from './clock.js';

export interface NewStaff {
  readonly name: string;
  readonly email: string;
  readonly role: StaffRole;
  /** Chosen by the caller for stable demo ids; random otherwise. */
  readonly id?: string;
  readonly active?: boolean;
}

export interface StaffWithToken {
  readonly staff: Staff;
  readonly token: string;
}

/** Stores a staff member and publishes them in the feed (no token). */
export function recordStaff(store: Store, input: NewStaff, now: Date): Staff {
  const staff: Staff = {
    id: input.id ?? newId('st'),
    name: input.name,
    email: input.email,
    role: input.role,
    active: input.active ?? true,
  };
  store.staff.insert(staff, iso(now));
  store.changes.append({ kind: 'staff', data: staff }, now.getTime());
  return staff;
}

export function createStaff(store: Store, input: NewStaff, now: Date): StaffWithToken {
  return store.write(() => {
    const staff = recordStaff(store, input, now);
    return { staff, token: issueToken(store, staff.id, now) };
  });
}

/** A new token for an existing member (older tokens keep working until revoked). */
export function issueToken(store: Store, staffId: string, now: Date): string {
  const token = newToken('ldk');
  store.staff.insertToken(sha256Hex(token), 'staff', staffId, 'staff token', iso(now));
  return token;
}

/** A key surveys use to post responses and declines; it cannot read anything. */
export function createIngestKey(store: Store, label: string, now: Date): string {
  const token = newToken('ldi');
  store.staff.insertToken(sha256Hex(token), 'ingest', null, label, iso(now));
  return token;
}

export function authenticate(store: Store, token: string): Principal | null {
  return store.staff.principalByTokenHash(sha256Hex(token));
}
