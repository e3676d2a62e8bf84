// Bearer-token authentication and role checks, run before the body is even read, so a
// request without a valid token gets 401 whatever its body.
import type { FastifyRequest } from 'fastify';
import type { RouteAuth } from '../../common/api/routes.js';
import type { Staff } from '../../common/api/records.js';
import type { Principal } from '../store/staff-repo.js';
import type { Store } from '../store/store.js';
import { authenticate } from '../services/staff.js';
import { ServiceError, forbidden } from '../services/service-error.js';

const unauthorized = (message: string): ServiceError => new ServiceError(401, 'unauthorized', message);

/** The token from `Authorization: Bearer …`, or from `?token=` where the route allows it. */
function presentedToken(request: FastifyRequest, allowQueryToken: boolean): string | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/i.exec(header.trim());
    if (!match?.[1]) throw unauthorized('The Authorization header must be "Bearer <token>".');
    return match[1];
  }
  if (allowQueryToken) {
    const token = (request.query as { token?: unknown } | undefined)?.token;
    if (typeof token === 'string' && token !== '') return token;
  }
  return null;
}

export function authorize(
  store: Store,
  request: FastifyRequest,
  auth: RouteAuth,
  allowQueryToken: boolean,
  forbiddenMessage = 'Only a manager may do this.',
): Principal {
  const token = presentedToken(request, allowQueryToken);
  if (token === null) throw unauthorized('Sign in: send "Authorization: Bearer <token>".');
  const principal = authenticate(store, token);
  if (principal === null) throw unauthorized('The token is unknown or has been revoked.');
  switch (auth) {
    case 'ingest':
      if (principal.kind === 'staff' && principal.staff.role !== 'manager') {
        throw forbidden('Posting survey answers needs an ingestion key (or a manager’s token).');
      }
      return principal;
    case 'staff':
    case 'manager':
      if (principal.kind === 'ingest') throw forbidden('An ingestion key can only post responses and declines.');
      if (auth === 'manager' && principal.staff.role !== 'manager') throw forbidden(forbiddenMessage);
      return principal;
  }
}

export function staffOf(principal: Principal): Staff {
  if (principal.kind !== 'staff') throw forbidden('This needs a staff member’s token.');
  return principal.staff;
}
