// Who may talk to the browser-mode host. It binds 127.0.0.1 only, but any local process or
// any web page the user visits could still try to reach it, so a connection must carry the
// per-launch secret and come from the host's own origin (which also defeats DNS rebinding).
import { timingSafeEqual } from 'node:crypto';

export interface AccessExpectation {
  readonly token: string;
  readonly port: number;
}

export type AccessDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly status: 401 | 403; readonly reason: string };

export function ownOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host header check for every request: a rebinding attack arrives with a foreign name. */
export function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}`;
}

export function checkSocketAccess(
  headers: { readonly origin?: string | undefined; readonly host?: string | undefined },
  token: string | null,
  expected: AccessExpectation,
): AccessDecision {
  if (!isOwnHost(headers.host, expected.port)) {
    return { allowed: false, status: 403, reason: 'foreign host' };
  }
  if (headers.origin !== ownOrigin(expected.port)) {
    return { allowed: false, status: 403, reason: 'foreign origin' };
  }
  if (token === null || !sameSecret(token, expected.token)) {
    return { allowed: false, status: 401, reason: 'missing or wrong token' };
  }
  return { allowed: true };
}
