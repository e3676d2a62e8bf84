// The data source this install follows, kept in the encrypted cache's settings table. The
// API token lives there too: the cache is SQLCipher-encrypted under the key that the OS
// keychain or the user's passphrase protects, so the token is never stored in the clear.
import { z } from 'zod';
import { Id } from '../../../common/api/primitives.js';
import { ApiBaseUrl, SessionPerson } from '../../../common/ipc/channels/session.js';
import type { DatabaseClient } from '../db/database-client.js';

export const CONNECTION_SETTING_KEY = 'connection';

export const ConnectionConfig = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('demo'), staffId: Id.nullable() }),
  z.strictObject({ kind: z.literal('api'), baseUrl: ApiBaseUrl, token: z.string().min(1), me: SessionPerson }),
]);
export type ConnectionConfig = z.infer<typeof ConnectionConfig>;

export const DEFAULT_CONNECTION: ConnectionConfig = { kind: 'demo', staffId: null };

/** The stored choice, or demo mode when nothing (or something unreadable) is stored. */
export async function readConnectionConfig(db: DatabaseClient): Promise<ConnectionConfig> {
  const parsed = ConnectionConfig.safeParse(await db.call('getSetting', { key: CONNECTION_SETTING_KEY }));
  return parsed.success ? parsed.data : DEFAULT_CONNECTION;
}

export async function writeConnectionConfig(db: DatabaseClient, config: ConnectionConfig): Promise<void> {
  await db.call('putSetting', { key: CONNECTION_SETTING_KEY, value: config });
}

/** Two configs with the same identity talk to the same server, so the cache stays valid. */
export function serverIdentity(config: ConnectionConfig): string {
  switch (config.kind) {
    case 'demo':
      return 'demo';
    case 'api':
      return `api:${new URL(config.baseUrl).href}`;
  }
}
