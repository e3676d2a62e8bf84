// Where the cache syncs from: the embedded demo server (the default) or a real ingestion API
// (URL + token). The renderer shows and changes this under Settings.
import { z } from 'zod';
import { STAFF_ROLES } from '../../api/records.js';
import { Id } from '../../api/primitives.js';
import { channel } from '../define.js';

export const SessionPerson = z.strictObject({
  id: Id,
  name: z.string(),
  role: z.enum(STAFF_ROLES),
});
export type SessionPerson = z.infer<typeof SessionPerson>;

export const SessionStatus = z.strictObject({
  /** locked: the vault is shut; starting: choosing/starting the source; running: syncing. */
  state: z.enum(['locked', 'starting', 'running', 'error']),
  source: z.enum(['demo', 'api']).nullable(),
  baseUrl: z.string().nullable(),
  /** Who this install acts as on the server. */
  me: SessionPerson.nullable(),
  /** In demo mode: the demo team, to sign in as someone else (e.g. the manager). */
  demoStaff: z.array(SessionPerson),
  message: z.string().nullable(),
});
export type SessionStatus = z.infer<typeof SessionStatus>;

export const ApiBaseUrl = z
  .url({ protocol: /^https?$/, error: 'Enter the API address, starting with https:// (or http:// on this computer).' })
  .max(2048);

export const SESSION_CHANNELS = {
  'session:status': channel(z.strictObject({}), SessionStatus),
  /** Back to the embedded demo server, optionally signed in as another demo staff member. */
  'session:use-demo': channel(z.strictObject({ staffId: Id.nullable() }), SessionStatus),
  /** Checks the token against GET /v1/me before anything is switched or stored. */
  'session:connect-api': channel(
    z.strictObject({ baseUrl: ApiBaseUrl, token: z.string().trim().min(16).max(512) }),
    SessionStatus,
  ),
} as const;
