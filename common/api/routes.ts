// Every operation of contract v1 in one table: the server registers its routes from it, the
// OpenAPI document (server/openapi.yaml) is generated from it, and clients read paths and
// reply schemas from it. Paths use OpenAPI's {param} syntax.
import { z } from 'zod';
import { ChangesPage, ChangesQuery, ChangesReset } from './changes.js';
import { MutationBatch, MutationReply } from './mutations.js';
import { IngestDeclineBody, IngestDeclineReply, IngestResponseBody, IngestResponseReply } from './ingestion.js';
import { CreateStaffBody, CreateStaffReply, MeReply, StaffDirectoryReply } from './staff.js';
import { NotificationsQuery, NotificationsReply } from './notifications.js';
import {
  AuditQuery,
  AuditReply,
  ErasureBody,
  ErasureReply,
  ObjectionBody,
  RectificationBody,
  RespondentExport,
  RespondentIdParams,
  RespondentReply,
  RestrictionBody,
} from './privacy.js';
import { ExportAuditBody, ExportAuditReply } from './export-audit.js';
import { SlaPolicyReply } from './sla-policy.js';
import { SlaPolicySchema } from '../followups/sla-policy.js';

/**
 * Who may call: any staff token, a manager's token, or an ingestion key (surveys; a
 * manager's token is accepted too, so a team can post test answers).
 */
export type RouteAuth = 'staff' | 'manager' | 'ingest';

export const KIB = 1024;

export interface ApiRoute {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly auth: RouteAuth;
  /** What a valid token whose role may not call the route is told (403), when not the generic sentence. */
  readonly forbidden?: string;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Bodies larger than this get 413. Sized for the largest valid body, with JSON escaping. */
  readonly maxBodyBytes?: number;
  /** Success replies by status; 'event-stream' for server-sent events. */
  readonly replies: Readonly<Partial<Record<200 | 201, z.ZodType | 'event-stream'>>>;
}

export const API_ROUTES = {
  changes: {
    operationId: 'getChanges',
    method: 'GET',
    path: '/v1/changes',
    summary: 'Pull the change feed',
    description:
      'Changes after `cursor` (exclusive) in server sequence order, one record each, compacted to the latest ' +
      'change per record; respondents come before their responses. Without a cursor the feed starts at the ' +
      'beginning. An unknown, garbled or too-old cursor (older than the tombstone horizon) gets the reset ' +
      'reply: the client discards its cache and pulls from the beginning.',
    auth: 'staff',
    query: ChangesQuery,
    replies: { 200: z.union([ChangesPage, ChangesReset]) },
  },
  mutations: {
    operationId: 'postMutations',
    method: 'POST',
    path: '/v1/mutations',
    summary: 'Push follow-up mutations',
    description:
      'Applied in order, each in its own transaction together with the client’s last mutation id. Ids go up ' +
      'per client; an id already seen with the same payload answers `duplicate`, with another payload 422. A ' +
      'rejected mutation never blocks the ones after it.',
    auth: 'staff',
    body: MutationBatch,
    maxBodyBytes: 4096 * KIB,
    replies: { 200: MutationReply },
  },
  poke: {
    operationId: 'getPoke',
    method: 'GET',
    path: '/v1/poke',
    summary: 'Subscribe to change notifications (server-sent events)',
    description:
      'A text/event-stream of payload-free `changed` events ("there are changes, pull") and keep-alive ' +
      'comments. One `changed` event is sent on connect so a reconnecting client catches up. EventSource ' +
      'cannot set headers, so the token may also be given as `?token=`.',
    auth: 'staff',
    query: z.strictObject({ token: z.string().max(256).optional() }),
    replies: { 200: 'event-stream' },
  },
  me: {
    operationId: 'getMe',
    method: 'GET',
    path: '/v1/me',
    summary: 'The staff member the token belongs to',
    description: 'Clients call it after sign-in to learn their identity and role.',
    auth: 'staff',
    replies: { 200: MeReply },
  },
  staffDirectory: {
    operationId: 'listStaff',
    method: 'GET',
    path: '/v1/staff',
    summary: 'The staff directory',
    description: 'Everyone who can be assigned follow-ups, inactive members included (for old assignments).',
    auth: 'staff',
    replies: { 200: StaffDirectoryReply },
  },
  createStaff: {
    operationId: 'createStaff',
    method: 'POST',
    path: '/v1/staff',
    summary: 'Add a staff member (manager)',
    description: 'Returns the new member’s bearer token once; the server stores only its SHA-256.',
    auth: 'manager',
    body: CreateStaffBody,
    maxBodyBytes: 16 * KIB,
    replies: { 201: CreateStaffReply },
  },
  slaPolicy: {
    operationId: 'getSlaPolicy',
    method: 'GET',
    path: '/v1/sla-policy',
    summary: 'The team’s SLA policy',
    description:
      'Hours until first contact is due (null: no target) and the starting priority, per metric and band. The ' +
      'server opens every follow-up with it: at ingestion for the negative band, and on the first mutation ' +
      'of any other. Until a manager sets one, the default applies (48 h for the negative band, 5 days for ' +
      'neutral, none for positive) and `updated_at` is null. Clients fetch it on every sync; a change is ' +
      'announced on /v1/poke.',
    auth: 'staff',
    replies: { 200: SlaPolicyReply },
  },
  setSlaPolicy: {
    operationId: 'setSlaPolicy',
    method: 'PUT',
    path: '/v1/sla-policy',
    summary: 'Set the team’s SLA policy (manager)',
    description:
      'Replaces the whole policy. It applies to follow-ups opened from then on; due times and priorities ' +
      'already set stay as they are. Every client is poked so that it fetches the new policy.',
    auth: 'manager',
    forbidden: 'Only a manager can change the team’s SLA policy.',
    body: SlaPolicySchema,
    maxBodyBytes: 16 * KIB,
    replies: { 200: SlaPolicyReply },
  },
  notifications: {
    operationId: 'listNotifications',
    method: 'GET',
    path: '/v1/notifications',
    summary: 'Messages sent to respondents when loops were closed',
    description: 'Managers see all; agents see those they sent or whose follow-up is assigned to them. Newest first.',
    auth: 'staff',
    query: NotificationsQuery,
    replies: { 200: NotificationsReply },
  },
  rectifyRespondent: {
    operationId: 'rectifyRespondent',
    method: 'PATCH',
    path: '/v1/respondents/{id}',
    summary: 'Rectify a respondent’s personal data',
    description: 'Writes a respondent change to the feed and an audit entry.',
    auth: 'staff',
    params: RespondentIdParams,
    body: RectificationBody,
    maxBodyBytes: 64 * KIB,
    replies: { 200: RespondentReply },
  },
  restrictRespondent: {
    operationId: 'setRestriction',
    method: 'PUT',
    path: '/v1/respondents/{id}/restriction',
    summary: 'Restrict (or lift the restriction of) processing',
    description: 'Restriction blocks contact. Any staff member may set it; only a manager may lift it.',
    auth: 'staff',
    params: RespondentIdParams,
    body: RestrictionBody,
    maxBodyBytes: 16 * KIB,
    replies: { 200: RespondentReply },
  },
  objectRespondent: {
    operationId: 'setObjection',
    method: 'PUT',
    path: '/v1/respondents/{id}/objection',
    summary: 'Record (or withdraw) an objection',
    description: 'Objection blocks contact. Any staff member may record it; only a manager may withdraw it.',
    auth: 'staff',
    params: RespondentIdParams,
    body: ObjectionBody,
    maxBodyBytes: 16 * KIB,
    replies: { 200: RespondentReply },
  },
  eraseRespondent: {
    operationId: 'eraseRespondent',
    method: 'POST',
    path: '/v1/respondents/{id}/erasure',
    summary: 'Erase a respondent (manager)',
    description:
      'Deletes the respondent, their responses, declines, follow-ups, notes, contact logs and notifications, ' +
      'removes their earlier changes from the feed and writes an erasure tombstone. The body is optional.',
    auth: 'manager',
    params: RespondentIdParams,
    body: ErasureBody,
    maxBodyBytes: 16 * KIB,
    replies: { 200: ErasureReply },
  },
  exportRespondent: {
    operationId: 'exportRespondent',
    method: 'GET',
    path: '/v1/respondents/{id}/export',
    summary: 'Export everything held about a respondent (manager)',
    description: 'Access and portability: follow-ups, events and notifications included. The read is audited.',
    auth: 'manager',
    params: RespondentIdParams,
    replies: { 200: RespondentExport },
  },
  audit: {
    operationId: 'listAudit',
    method: 'GET',
    path: '/v1/audit',
    summary: 'The privacy audit trail (manager)',
    description: 'Who exported, erased, rectified, restricted or recorded an objection, newest first.',
    auth: 'manager',
    query: AuditQuery,
    replies: { 200: AuditReply },
  },
  recordExport: {
    operationId: 'recordExport',
    method: 'POST',
    path: '/v1/audit/exports',
    summary: 'Record an export made by a client',
    description:
      'A client reports a CSV or XLSX it exported (which filter, which columns, whether personal data), to ' +
      'be attributed to the staff member whose token sends it in the audit trail that `GET /v1/audit` lists. ' +
      'Clients queue these while offline: the same `export_id` from the same staff member again answers 200 ' +
      'with the entry already recorded.',
    auth: 'staff',
    body: ExportAuditBody,
    maxBodyBytes: 512 * KIB,
    replies: { 201: ExportAuditReply, 200: ExportAuditReply },
  },
  ingestResponse: {
    operationId: 'ingestResponse',
    method: 'POST',
    path: '/v1/responses',
    summary: 'Post a survey response',
    description:
      'As surveys post them. A negative-band answer (NPS detractor, CES 1–3, CSAT 1–2) opens a follow-up in ' +
      'status new with the SLA due time. Posting the same `id` again with the same payload answers 200; with ' +
      'another payload 409.',
    auth: 'ingest',
    body: IngestResponseBody,
    maxBodyBytes: 1024 * KIB,
    replies: { 201: IngestResponseReply, 200: IngestResponseReply },
  },
  ingestDecline: {
    operationId: 'ingestDecline',
    method: 'POST',
    path: '/v1/declines',
    summary: 'Post a survey decline',
    description: 'The respondent dismissed the survey. Same idempotency rules as responses.',
    auth: 'ingest',
    body: IngestDeclineBody,
    maxBodyBytes: 64 * KIB,
    replies: { 201: IngestDeclineReply, 200: IngestDeclineReply },
  },
} as const satisfies Record<string, ApiRoute>;

export type ApiRouteName = keyof typeof API_ROUTES;

/** Bodies of routes that do not say otherwise. */
export const DEFAULT_MAX_BODY_BYTES = 64 * KIB;
