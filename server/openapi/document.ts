// Generates the OpenAPI 3.1 document of contract v1 from the route table and the zod
// schemas of common/api (zod 4's toJSONSchema emits JSON Schema 2020-12, which OpenAPI 3.1
// uses as is). server/openapi.yaml is this document, committed; a test keeps them equal and
// `npm run server -- openapi --out server/openapi.yaml` rewrites it.
import { z } from 'zod';
import YAML from 'yaml';
import { API_ROUTES, DEFAULT_MAX_BODY_BYTES, type ApiRoute } from '../../common/api/routes.js';
import * as records from '../../common/api/records.js';
import * as changes from '../../common/api/changes.js';
import * as mutations from '../../common/api/mutations.js';
import * as ingestion from '../../common/api/ingestion.js';
import * as staff from '../../common/api/staff.js';
import * as notifications from '../../common/api/notifications.js';
import * as privacy from '../../common/api/privacy.js';
import * as slaPolicy from '../../common/api/sla-policy.js';
import { SlaPolicySchema, SlaRuleSchema } from '../../common/followups/sla-policy.js';
import { ApiErrorBody } from '../../common/api/errors.js';
import { API_ERROR_CODES } from '../../common/api/error-codes.js';

type Json = Record<string, unknown>;

/** Schemas as the server sends them (defaults applied): records and replies. */
const OUTPUT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  EndUser: records.EndUser,
  SurveyResponse: records.SurveyResponse,
  Decline: records.Decline,
  Staff: records.Staff,
  Followup: records.Followup,
  ContactEntry: records.ContactEntry,
  FollowupEventData: records.FollowupEventData,
  FollowupEvent: records.FollowupEvent,
  Erasure: records.Erasure,
  Change: changes.Change,
  ChangesPage: changes.ChangesPage,
  ChangesReset: changes.ChangesReset,
  MutationResult: mutations.MutationResult,
  MutationReply: mutations.MutationReply,
  IngestResponseReply: ingestion.IngestResponseReply,
  IngestDeclineReply: ingestion.IngestDeclineReply,
  StaffDirectoryReply: staff.StaffDirectoryReply,
  CreateStaffReply: staff.CreateStaffReply,
  Notification: notifications.Notification,
  NotificationsReply: notifications.NotificationsReply,
  RespondentReply: privacy.RespondentReply,
  ErasureReply: privacy.ErasureReply,
  AuditEntry: privacy.AuditEntry,
  AuditReply: privacy.AuditReply,
  FollowupExport: privacy.FollowupExport,
  RespondentExport: privacy.RespondentExport,
  SlaRule: SlaRuleSchema,
  SlaPolicy: SlaPolicySchema,
  SlaPolicyReply: slaPolicy.SlaPolicyReply,
  ApiErrorBody,
};

/** Schemas as clients send them (fields with defaults may be left out): request bodies. */
const INPUT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Mutation: mutations.Mutation,
  MutationBatch: mutations.MutationBatch,
  IngestEndUser: ingestion.IngestEndUser,
  IngestResponseBody: ingestion.IngestResponseBody,
  IngestDeclineBody: ingestion.IngestDeclineBody,
  CreateStaffBody: staff.CreateStaffBody,
  RectificationBody: privacy.RectificationBody,
  RestrictionBody: privacy.RestrictionBody,
  ObjectionBody: privacy.ObjectionBody,
  ErasureBody: privacy.ErasureBody,
  // The same both ways (no defaults): PUT /v1/sla-policy's body is what GET replies with.
  SlaRule: SlaRuleSchema,
  SlaPolicy: SlaPolicySchema,
};

const REF = (name: string): string => `#/components/schemas/${name}`;

function componentSchemas(schemas: Readonly<Record<string, z.ZodType>>, io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, { io, uri: REF, unrepresentable: 'any' }) as {
    schemas: Record<string, Json>;
  };
  return Object.fromEntries(
    Object.entries(generated.schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
  );
}

function nameOf(schema: z.ZodType): string | undefined {
  const all = { ...OUTPUT_SCHEMAS, ...INPUT_SCHEMAS };
  return Object.keys(all).find((k) => all[k] === schema);
}

function schemaRef(schema: z.ZodType, io: 'input' | 'output'): Json {
  const name = nameOf(schema);
  if (name !== undefined) return { $ref: REF(name) };
  // A union of named schemas (the changes reply) is described by refs to its members.
  if (schema instanceof z.ZodUnion) return { oneOf: (schema.options as z.ZodType[]).map((o) => schemaRef(o, io)) };
  const { $schema: _s, ...inline } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return inline;
}

function parameters(route: ApiRoute): Json[] {
  const fromShape = (schema: z.ZodObject | undefined, where: 'path' | 'query'): Json[] =>
    Object.entries(schema?.shape ?? {}).map(([name, field]) => {
      const type = field as z.ZodType;
      const { $schema: _s, ...json } = z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' }) as Json;
      const description = type.description;
      return {
        name,
        in: where,
        required: where === 'path' || !type.safeParse(undefined).success,
        ...(description === undefined ? {} : { description }),
        schema: json,
      };
    });
  return [...fromShape(route.params, 'path'), ...fromShape(route.query, 'query')];
}

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Malformed JSON, or a body, query or path that does not match the schema (`issues` lists where).',
  401: 'Missing, unknown or revoked bearer token.',
  403: 'The token is valid but its role may not do this.',
  404: 'No such respondent.',
  409: 'This id was already ingested with a different payload.',
  413: 'The body is larger than this endpoint accepts.',
  415: 'The body is not application/json.',
  422: 'A mutation id of this client was already used for a different mutation; nothing in the batch was applied.',
  429: 'Too many requests; retry after the Retry-After header.',
  500: 'Server error; the request may be retried.',
  503: 'Temporarily unavailable; retry (after Retry-After when present).',
};

function errorStatuses(route: ApiRoute): number[] {
  const statuses = [400, 401, 403, 429, 500, 503];
  if (route.params) statuses.push(404);
  if (route.auth === 'ingest') statuses.push(409);
  if (route.body) statuses.push(413, 415);
  if (route.operationId === API_ROUTES.mutations.operationId) statuses.push(422);
  return statuses.sort((a, b) => a - b);
}

function operation(route: ApiRoute): Json {
  const responses: Json = {};
  for (const [status, reply] of Object.entries(route.replies)) {
    responses[status] =
      reply === 'event-stream'
        ? { description: 'An event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } }
        : { description: 'OK', content: { 'application/json': { schema: schemaRef(reply, 'output') } } };
  }
  for (const status of errorStatuses(route)) responses[String(status)] = { $ref: `#/components/responses/E${status}` };
  const params = parameters(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    description:
      route.description +
      (route.body
        ? ` Bodies over ${Math.round((route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES) / 1024)} KiB get 413.`
        : ''),
    'x-loopdesk-auth': route.auth,
    security:
      route.auth === 'ingest'
        ? [{ bearer: [] }]
        : route.query && 'token' in route.query.shape
          ? [{ bearer: [] }, { queryToken: [] }]
          : [{ bearer: [] }],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: route.operationId !== API_ROUTES.eraseRespondent.operationId,
            content: { 'application/json': { schema: schemaRef(route.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const route of Object.values(API_ROUTES) as ApiRoute[]) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  const schemas = { ...componentSchemas(OUTPUT_SCHEMAS, 'output'), ...componentSchemas(INPUT_SCHEMAS, 'input') };
  // On the wire a batch carries Mutation objects; the zod schema accepts unknown items so that
  // the server can answer each invalid one with a rejection instead of failing the batch.
  const batch = schemas.MutationBatch as { properties: { mutations: Json } };
  batch.properties.mutations = { ...batch.properties.mutations, items: { $ref: REF('Mutation') } };
  const errorResponses = Object.fromEntries(
    Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
      `E${status}`,
      {
        description,
        ...(['429', '503'].includes(status)
          ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } }
          : {}),
        content: { 'application/json': { schema: { $ref: REF('ApiErrorBody') } } },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'Loopdesk ingestion API',
      version: '1',
      description:
        'Contract v1 of the Loopdesk ingestion API: the change feed, follow-up mutations, pokes, staff, the team’s SLA policy, ' +
        'respondent privacy and the ingestion side surveys post to. Generated from common/api (zod); do not edit ' +
        `by hand. Error codes: ${API_ERROR_CODES.join(', ')}.`,
    },
    servers: [{ url: 'http://127.0.0.1:8787', description: 'npm run server -- --demo --port 8787' }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A staff token or, for ingestion, an ingestion key.' },
        queryToken: {
          type: 'apiKey',
          in: 'query',
          name: 'token',
          description: 'Only on /v1/poke, because EventSource cannot set headers.',
        },
      },
      responses: errorResponses,
      schemas,
    },
  };
}

export function openApiYaml(): string {
  return YAML.stringify(openApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false });
}
