// GET and PUT /v1/sla-policy: the team's SLA policy, held by the server so that a manager's
// policy applies team-wide — to the follow-ups the server opens at ingestion and to those
// born from a client's mutation alike. The body of PUT is the policy itself.
import { z } from 'zod';
import { SlaPolicySchema } from '../followups/sla-policy.js';
import { Id, Instant } from './primitives.js';

export const SlaPolicyReply = z.strictObject({
  policy: SlaPolicySchema,
  /** When a manager last set it; null while the default policy applies. */
  updated_at: Instant.nullable(),
  /** The staff member who set it; null while the default policy applies. */
  updated_by: Id.nullable(),
});
export type SlaPolicyReply = z.infer<typeof SlaPolicyReply>;
