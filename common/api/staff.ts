// GET /v1/me, GET /v1/staff and POST /v1/staff: who is signed in, and the team directory.
import { z } from 'zod';
import { STAFF_ROLES, Staff } from './records.js';
import { EmailAddress } from './ingestion.js';

/** GET /v1/me replies with the staff record the bearer token belongs to. */
export const MeReply = Staff;
export type MeReply = z.infer<typeof MeReply>;

export const StaffDirectoryReply = z.strictObject({ staff: z.array(Staff) });
export type StaffDirectoryReply = z.infer<typeof StaffDirectoryReply>;

/** POST /v1/staff (manager): a new colleague and their first token. */
export const CreateStaffBody = z.strictObject({
  name: z.string().trim().min(1).max(256),
  email: EmailAddress,
  role: z.enum(STAFF_ROLES),
});
export type CreateStaffBody = z.output<typeof CreateStaffBody>;

export const CreateStaffReply = z.strictObject({
  staff: Staff,
  /** Shown once: the server keeps only its SHA-256. */
  token: z.string().min(20),
});
export type CreateStaffReply = z.infer<typeof CreateStaffReply>;
