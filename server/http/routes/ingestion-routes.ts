// What surveys post: responses and declines.
import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from '../../../common/api/routes.js';
import { ingestDecline, ingestResponse } from '../../services/ingest.js';
import { defineRoute } from '../define-route.js';
import type { HttpContext } from '../context.js';

export function registerIngestionRoutes(app: FastifyInstance, ctx: HttpContext): void {
  defineRoute(app, ctx, API_ROUTES.ingestResponse, ({ body }) => {
    const { status, reply } = ingestResponse(ctx.store, body, ctx.clock());
    return { json: reply, status };
  });
  defineRoute(app, ctx, API_ROUTES.ingestDecline, ({ body }) => {
    const { status, reply } = ingestDecline(ctx.store, body, ctx.clock());
    return { json: reply, status };
  });
}
