// What the session starts once it knows where to sync from: the sync engine
// (electron/core/sync). Kept as a small interface so the session is tested on its own.
import type { DatabaseClient } from '../db/database-client.js';
import type { EventBus } from '../events.js';

export interface ApiConnection {
  readonly baseUrl: string;
  readonly token: string;
}

export interface EngineArgs {
  readonly db: DatabaseClient;
  readonly connection: ApiConnection;
  readonly fetch: typeof fetch;
  readonly events: EventBus;
  readonly logError: (context: string, error: unknown) => void;
}

export interface SessionEngine {
  start(): void;
  /** Sends what it can (best effort) and stops; resolves when no request is in flight. */
  stop(): Promise<void>;
}

export type CreateEngine<E extends SessionEngine = SessionEngine> = (args: EngineArgs) => E;
