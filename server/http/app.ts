// Builds the Fastify application of contract v1 over a store. Fastify (rather than bare
// node:http) gives per-route body limits with 413, content-type handling with 415, HEAD
// routes, a structured logger and hooks; the route table itself stays in common/api.
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify';
import { API_ROUTES, DEFAULT_MAX_BODY_BYTES } from '../../common/api/routes.js';
import type { HttpContext } from './context.js';
import { fastifyPath } from './define-route.js';
import { installErrorHandlers } from './errors.js';
import { installJsonBodyParser } from './json-body.js';
import type { PokeHub } from './poke-hub.js';
import { registerSyncRoutes } from './routes/sync-routes.js';
import { registerStaffRoutes } from './routes/staff-routes.js';
import { registerPrivacyRoutes } from './routes/privacy-routes.js';
import { registerIngestionRoutes } from './routes/ingestion-routes.js';
import { registerAuditRoutes } from './routes/audit-routes.js';
import { registerTeamSettingsRoutes } from './routes/team-settings-routes.js';

export interface AppOptions {
  readonly logger: boolean;
  /** Lets the fault injector wrap the request handler (tests only). */
  readonly serverFactory?: FastifyServerFactory;
}

/** `?token=` must never reach a log line. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&]*/g, '$1[redacted]');
}

function knownPaths(): { pattern: RegExp; methods: string[] }[] {
  const byPath = new Map<string, string[]>();
  for (const route of Object.values(API_ROUTES)) {
    byPath.set(route.path, [...(byPath.get(route.path) ?? []), route.method]);
  }
  return [...byPath].map(([path, methods]) => ({
    pattern: new RegExp(`^${fastifyPath(path).replace(/:\w+/g, '[^/]+')}/?$`),
    methods,
  }));
}

export function buildApp(ctx: HttpContext, hub: PokeHub, options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          serializers: {
            req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
          },
        }
      : false,
    bodyLimit: DEFAULT_MAX_BODY_BYTES,
    // Path ids may be as long as common/api's Id (128); Fastify's default stops at 100.
    routerOptions: { maxParamLength: 256 },
    // Open SSE streams and keep-alive sockets must not hold close() (and restart) hostage.
    forceCloseConnections: true,
    return503OnClosing: false,
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
  });
  installJsonBodyParser(app);
  installErrorHandlers(app, knownPaths());
  registerSyncRoutes(app, ctx, hub);
  registerStaffRoutes(app, ctx);
  registerPrivacyRoutes(app, ctx);
  registerIngestionRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerTeamSettingsRoutes(app, ctx, hub);
  return app;
}
