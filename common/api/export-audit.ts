// POST /v1/audit/exports: a client reports an export it made (DESIGN.md Privacy: every read
// of personal data for export is attributable to a staff member). The server writes it to
// the audit trail that GET /v1/audit lists, as the staff member whose token sent it. The
// client queues these while offline and may send one again: export_id makes that harmless.
import { z } from 'zod';
import { AuditEntry } from './privacy.js';
import { Id, Instant } from './primitives.js';

export const EXPORT_AUDIT_KINDS = ['queue', 'selection', 'team'] as const;

export const ExportAuditBody = z.strictObject({
  /** Chosen by the client; the same id again answers 200 with the entry already recorded. */
  export_id: Id,
  exported_at: Instant,
  /** The queue's filter, a hand-picked selection, or the Team view's tables. */
  kind: z.enum(EXPORT_AUDIT_KINDS),
  format: z.enum(['csv', 'xlsx']),
  /** The filter as readable clauses, e.g. `status = ["new"]`; empty for "everything". */
  filter: z.array(z.string().max(4000)).max(60),
  columns: z.array(z.string().min(1).max(64)).min(1).max(100),
  /** A selection's responses. */
  response_ids: z.array(Id).max(10_000).optional(),
  /** Whether any column identifies or reaches respondents. */
  personal_data: z.boolean(),
  row_count: z.number().int().min(0),
});
export type ExportAuditBody = z.infer<typeof ExportAuditBody>;

export const ExportAuditReply = z.strictObject({ entry: AuditEntry });
export type ExportAuditReply = z.infer<typeof ExportAuditReply>;
