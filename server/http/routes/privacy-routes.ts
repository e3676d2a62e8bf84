// Respondents' rights: rectification, restriction, objection, erasure, export, audit.
import type { FastifyInstance } from 'fastify';
import { API_ROUTES } from '../../../common/api/routes.js';
import { erase, exportRespondent, rectify, setObjection, setRestriction } from '../../services/privacy.js';
import { defineRoute } from '../define-route.js';
import { staffOf } from '../auth.js';
import type { HttpContext } from '../context.js';

export function registerPrivacyRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { store, clock } = ctx;
  defineRoute(app, ctx, API_ROUTES.rectifyRespondent, ({ principal, params, body }) => ({
    json: { respondent: rectify(store, staffOf(principal), params.id, body, clock()) },
  }));
  defineRoute(app, ctx, API_ROUTES.restrictRespondent, ({ principal, params, body }) => ({
    json: { respondent: setRestriction(store, staffOf(principal), params.id, body, clock()) },
  }));
  defineRoute(app, ctx, API_ROUTES.objectRespondent, ({ principal, params, body }) => ({
    json: { respondent: setObjection(store, staffOf(principal), params.id, body, clock()) },
  }));
  defineRoute(app, ctx, API_ROUTES.eraseRespondent, ({ principal, params, body }) => ({
    json: erase(store, staffOf(principal), params.id, body, clock()),
  }));
  defineRoute(app, ctx, API_ROUTES.exportRespondent, ({ principal, params }) => ({
    json: exportRespondent(store, staffOf(principal), params.id, clock()),
  }));
  defineRoute(app, ctx, API_ROUTES.audit, ({ query }) => ({
    json: { entries: store.audit.list(query.end_user_id, query.limit) },
  }));
}
