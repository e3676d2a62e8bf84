// The sync endpoints: the change feed, mutations and pokes.
import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from '../../../common/api/routes.js';
import { readFeed } from '../../services/feed.js';
import { applyMutationBatch } from '../../services/mutations.js';
import { defineRoute } from '../define-route.js';
import { staffOf } from '../auth.js';
import type { HttpContext } from '../context.js';
import type { PokeHub } from '../poke-hub.js';

export function registerSyncRoutes(app: FastifyInstance, ctx: HttpContext, hub: PokeHub): void {
  defineRoute(app, ctx, API_ROUTES.changes, ({ query }) => ({
    jsonBytes: readFeed(ctx.store, query.cursor, query.limit),
  }));

  defineRoute(app, ctx, API_ROUTES.mutations, ({ principal, body }) => ({
    json: applyMutationBatch(ctx.store, staffOf(principal), body, ctx.clock),
  }));

  defineRoute(app, ctx, API_ROUTES.poke, ({ reply }) => {
    reply.hijack();
    hub.subscribe(reply.raw);
    return { hijacked: true };
  });
}
