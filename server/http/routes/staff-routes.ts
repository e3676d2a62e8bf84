// Who is signed in, the team directory, and adding colleagues.
import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from '../../../common/api/routes.js';
import { createStaff } from '../../services/staff.js';
import { defineRoute } from '../define-route.js';
import { staffOf } from '../auth.js';
import type { HttpContext } from '../context.js';

export function registerStaffRoutes(app: FastifyInstance, ctx: HttpContext): void {
  defineRoute(app, ctx, API_ROUTES.me, ({ principal }) => ({ json: staffOf(principal) }));

  defineRoute(app, ctx, API_ROUTES.staffDirectory, () => ({ json: { staff: ctx.store.staff.all() } }));

  defineRoute(app, ctx, API_ROUTES.createStaff, ({ body }) => ({ json: createStaff(ctx.store, body, ctx.clock()) }));

  defineRoute(app, ctx, API_ROUTES.notifications, ({ principal, query }) => {
    const me = staffOf(principal);
    const visibleTo = me.role === 'manager' ? undefined : me.id;
    return { json: { notifications: ctx.store.followups.notifications({ ...query, visibleTo }) } };
  });
}
