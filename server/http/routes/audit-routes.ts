// Exports made by clients, recorded in the audit trail (services/export-audit.ts).
import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from '../../../common/api/routes.js';
import { recordExport } from '../../services/export-audit.js';
import { defineRoute } from '../define-route.js';
import { staffOf } from '../auth.js';
import type { HttpContext } from '../context.js';

export function registerAuditRoutes(app: FastifyInstance, ctx: HttpContext): void {
  defineRoute(app, ctx, API_ROUTES.recordExport, ({ principal, body }) => {
    const { reply, created } = recordExport(ctx.store, staffOf(principal), body, ctx.clock());
    return { json: reply, status: created ? 201 : 200 };
  });
}
