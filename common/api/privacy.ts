// Respondents' rights (DESIGN.md "Privacy"): access and portability (export), erasure,
// rectification, restriction and objection. Every call is attributed to the staff member
// whose token made it, in an audit trail that itself holds no personal data.
import { z } from 'zod';
import { Decline, EndUser, Erasure, Followup, FollowupEvent, PropertyValue, SurveyResponse } from './records.js';
import { EmailAddress } from './ingestion.js';
import { Notification } from './notifications.js';
import { FreeText, Id, Instant } from './primitives.js';

export const RespondentIdParams = z.strictObject({ id: Id });

/** Why staff acted, as the respondent asked; kept in the audit trail. */
const Reason = FreeText(2000).nullable().default(null);

/** PATCH /v1/respondents/{id}: correct what is held. Absent fields stay; null clears. */
export const RectificationBody = z
  .strictObject({
    email: EmailAddress.nullable().optional(),
    name: z.string().max(256).nullable().optional(),
    phone: z.string().max(64).nullable().optional(),
    external_id: z.string().min(1).max(256).nullable().optional(),
    /** Replaces the whole property bag. */
    properties: z.record(z.string().max(128), PropertyValue).optional(),
    reason: Reason,
  })
  .refine(
    (b) => [b.email, b.name, b.phone, b.external_id, b.properties].some((v) => v !== undefined),
    'name at least one field to rectify',
  );
export type RectificationBody = z.output<typeof RectificationBody>;

/**
 * PUT /v1/respondents/{id}/restriction and …/objection. Any staff member may set the flag
 * (it only ever stops contact); lifting it is a manager's decision.
 */
export const RestrictionBody = z.strictObject({ restricted: z.boolean(), reason: Reason });
export type RestrictionBody = z.output<typeof RestrictionBody>;
export const ObjectionBody = z.strictObject({ objected: z.boolean(), reason: Reason });
export type ObjectionBody = z.output<typeof ObjectionBody>;

export const RespondentReply = z.strictObject({ respondent: EndUser });
export type RespondentReply = z.infer<typeof RespondentReply>;

/** POST /v1/respondents/{id}/erasure (manager). The body is optional. */
export const ErasureBody = z.strictObject({ reason: Reason });
export type ErasureBody = z.output<typeof ErasureBody>;

export const ErasureReply = z.strictObject({
  erasure: Erasure,
  deleted: z.strictObject({
    responses: z.number().int().min(0),
    declines: z.number().int().min(0),
    followups: z.number().int().min(0),
  }),
});
export type ErasureReply = z.infer<typeof ErasureReply>;

/** 'bulk_export': a CSV or XLSX made by a client (POST /v1/audit/exports), about many respondents. */
export const AUDIT_ACTIONS = ['export', 'erasure', 'rectification', 'restriction', 'objection', 'bulk_export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntry = z.strictObject({
  id: Id,
  actor_id: Id,
  action: z.enum(AUDIT_ACTIONS),
  /** The respondent acted on; null for a bulk export, which is about many. */
  end_user_id: Id.nullable(),
  at: Instant,
  /** What changed, never the personal data itself: field names, flag values, the reason. */
  details: z.record(z.string(), z.union([PropertyValue, z.array(z.string())])),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  end_user_id: Id.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AuditQuery = z.output<typeof AuditQuery>;

export const AuditReply = z.strictObject({ entries: z.array(AuditEntry) });
export type AuditReply = z.infer<typeof AuditReply>;

export const FollowupExport = z.strictObject({ followup: Followup, events: z.array(FollowupEvent) });

/** GET /v1/respondents/{id}/export (manager): everything held about one respondent. */
export const RespondentExport = z.strictObject({
  exported_at: Instant,
  exported_by: Id,
  respondent: EndUser,
  responses: z.array(SurveyResponse),
  declines: z.array(Decline),
  followups: z.array(FollowupExport),
  notifications: z.array(Notification),
  audit: z.array(AuditEntry),
});
export type RespondentExport = z.infer<typeof RespondentExport>;
