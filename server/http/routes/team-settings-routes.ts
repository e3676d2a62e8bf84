// The team's SLA policy: anyone signed in reads it, a manager sets it. The policy is not a
// record of the change feed; clients fetch it on every sync, and a change pokes them so that
// they sync (and fetch it) at once.
import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from '../../../common/api/routes.js';
import { readSlaPolicy, setSlaPolicy } from '../../services/sla-policy.js';
import { defineRoute } from '../define-route.js';
import { staffOf } from '../auth.js';
import type { HttpContext } from '../context.js';
import type { PokeHub } from '../poke-hub.js';

export function registerTeamSettingsRoutes(app: FastifyInstance, ctx: HttpContext, hub: PokeHub): void {
  defineRoute(app, ctx, API_ROUTES.slaPolicy, () => ({ json: readSlaPolicy(ctx.store) }));

  defineRoute(app, ctx, API_ROUTES.setSlaPolicy, ({ principal, body }) => {
    const reply = setSlaPolicy(ctx.store, staffOf(principal), body, ctx.clock());
    hub.poke();
    return { json: reply };
  });
}
