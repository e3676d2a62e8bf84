// The embedded demo server, as the core sees it. The shells start the reference server
// (server/ — the core may not import it) and hand it over through this shape.
import type { StaffRole } from '../../../common/api/records.js';

export interface DemoStaffCredential {
  readonly id: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly token: string;
}

export interface DemoServer {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** The demo team with fresh tokens, manager first. */
  readonly staff: readonly DemoStaffCredential[];
  close(): Promise<void>;
}

export type StartDemoServer = () => Promise<DemoServer>;

/** Who demo mode signs in as unless the user picked someone: the first agent, the app's main user. */
export function defaultDemoStaff(staff: readonly DemoStaffCredential[]): DemoStaffCredential | null {
  return staff.find((s) => s.role === 'agent') ?? staff[0] ?? null;
}
