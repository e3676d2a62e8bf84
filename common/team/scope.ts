// Whose figures the Team view shows (DESIGN.md roles; issue "Roles"): a manager sees the
// whole team, an agent only the follow-ups assigned to them. The role is the one the server
// reported for the signed-in staff member (GET /v1/me, kept in sync_state 'me'); the core
// applies the scope in SQL, so an agent's renderer never receives colleagues' figures.
import { z } from 'zod';
import { Id } from '../api/primitives.js';
import { STAFF_ROLES } from '../api/records.js';

export const TeamScope = z.strictObject({
  /** null before sync has said who is signed in: nothing is shown then. */
  me: z.strictObject({ id: Id, name: z.string().nullable(), role: z.enum(STAFF_ROLES) }).nullable(),
  /** 'team' for managers, 'self' for agents, 'none' while nobody is known. */
  sees: z.enum(['team', 'self', 'none']),
});
export type TeamScope = z.infer<typeof TeamScope>;
