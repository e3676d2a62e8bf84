// Registers one operation of common/api/routes.ts: method, path, body limit, authorization
// and zod validation of params, query and body all come from the route table, so the
// server cannot drift from the contract the OpenAPI document describes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { DEFAULT_MAX_BODY_BYTES, type ApiRoute } from '../../common/api/routes.js';
import type { Principal } from '../store/staff-repo.js';
import { ServiceError } from '../services/service-error.js';
import { authorize } from './auth.js';
import type { HttpContext } from './context.js';
import { zodIssues } from './errors.js';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<R extends ApiRoute> {
  readonly principal: Principal;
  readonly params: Parsed<R['params']>;
  readonly query: Parsed<R['query']>;
  readonly body: Parsed<R['body']>;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/**
 * What a handler returns: a reply body (sent with the route's first success status unless
 * the handler set another), a body already encoded as UTF-8 JSON, or nothing when it took over
 * the socket (SSE).
 */
export type RouteResult =
  | { readonly json: unknown; readonly status?: 200 | 201 }
  /** UTF-8 JSON assembled without a JS object in between (the change feed). */
  | { readonly jsonBytes: Buffer }
  | { readonly hijacked: true };

export type RouteHandler<R extends ApiRoute> = (input: RouteInput<R>) => RouteResult | Promise<RouteResult>;

/** OpenAPI's /v1/respondents/{id} → Fastify's /v1/respondents/:id */
export const fastifyPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

function parse(schema: z.ZodType | undefined, value: unknown, where: 'body' | 'query' | 'params'): unknown {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new ServiceError(400, 'invalid_request', `The request ${where} is not valid.`, zodIssues(result.error, where));
}

export function defineRoute<R extends ApiRoute>(
  app: FastifyInstance,
  ctx: HttpContext,
  route: R,
  handler: RouteHandler<R>,
): void {
  const principals = new WeakMap<FastifyRequest, Principal>();
  const allowQueryToken = route.query !== undefined && 'token' in route.query.shape;
  const successStatus = Number(Object.keys(route.replies)[0] ?? 200);
  app.route({
    method: route.method,
    url: fastifyPath(route.path),
    bodyLimit: route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    onRequest: async (request) => {
      principals.set(request, authorize(ctx.store, request, route.auth, allowQueryToken, route.forbidden));
      return Promise.resolve();
    },
    handler: async (request, reply) => {
      const principal = principals.get(request);
      if (principal === undefined) throw new ServiceError(401, 'unauthorized', 'Not signed in.');
      const input = {
        principal,
        params: parse(route.params, request.params, 'params'),
        query: parse(route.query, request.query, 'query'),
        body: parse(route.body, request.body, 'body'),
        request,
        reply,
      } as RouteInput<R>;
      const result = await handler(input);
      if ('hijacked' in result) return reply;
      reply.code('status' in result && result.status !== undefined ? result.status : successStatus);
      if (ctx.checkReplies)
        checkReply(route, reply.statusCode, 'json' in result ? result.json : JSON.parse(result.jsonBytes.toString()));
      reply.type('application/json; charset=utf-8');
      return reply.send('json' in result ? JSON.stringify(result.json) : result.jsonBytes);
    },
  });
}

function checkReply(route: ApiRoute, status: number, body: unknown): void {
  const schema = route.replies[status as 200 | 201];
  if (schema === undefined || schema === 'event-stream') {
    throw new Error(`${route.operationId} replied ${status}, which the contract does not list`);
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new Error(`${route.operationId} reply breaks the contract: ${result.error.message}`);
}
