// A reference server with demo data and sync clients over real HTTP, each with its own
// encrypted cache (in-process database client: the same session code the worker runs).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InProcessDatabaseClient, type DatabaseClient } from '../../../../electron/core/db/database-client.js';
import { newDatabaseKey } from '../../../../electron/core/db/database-key.js';
import { EventBus } from '../../../../electron/core/events.js';
import { seededRandom } from '../../../bench/support/synthetic-feedback.js';
import type { EventName, EventPayload } from '../../../../common/ipc/events.js';
import {
  SyncEngine,
  type SubscribeSystemEvents,
  type SyncEngineOptions,
} from '../../../../electron/core/sync/sync-engine.js';
import {
  startReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
  type StaffCredential,
} from '../../../../server/index.js';

/** The demo's "now", fixed so that the data set is the same on every run. */
export const DEMO_NOW = new Date('2026-06-01T12:00:00.000Z');

export async function startDemoServer(
  responses: number,
  options: Omit<ReferenceServerOptions, 'demo'> = {},
): Promise<ReferenceServer> {
  return startReferenceServer({ demo: { responses, seed: 11, now: DEMO_NOW }, ...options });
}

export function manager(server: ReferenceServer): StaffCredential {
  const found = server.staff.find((s) => s.role === 'manager');
  if (found === undefined) throw new Error('the demo has no manager');
  return found;
}

export function agents(server: ReferenceServer): StaffCredential[] {
  return server.staff.filter((s) => s.role === 'agent');
}

export interface RecordedEvent {
  readonly event: EventName;
  readonly payload: unknown;
}

export interface SyncClient {
  readonly db: DatabaseClient;
  readonly file: string;
  readonly key: Buffer;
  readonly events: EventBus;
  readonly recorded: RecordedEvent[];
  engine: SyncEngine;
  /** Replaces the engine (a restart of the app with the same cache). */
  restartEngine(overrides?: Partial<ClientOptions>): Promise<SyncEngine>;
  eventsOf<E extends EventName>(event: E): EventPayload<E>[];
  close(): Promise<void>;
}

export interface ClientOptions {
  readonly server: { readonly url: string };
  readonly token: string;
  readonly options?: Partial<SyncEngineOptions>;
  readonly fetch?: typeof fetch;
  readonly random?: () => number;
  readonly systemEvents?: SubscribeSystemEvents;
}

const dirs: string[] = [];

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Quick retries for tests: faults are recovered from in milliseconds, not a minute. */
export const FAST_RETRIES: Partial<SyncEngineOptions> = { backoff: { baseMs: 20, capMs: 200 } };

export async function openClient(client: ClientOptions): Promise<SyncClient> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-sync-'));
  dirs.push(dir);
  const file = path.join(dir, 'cache.db');
  const key = newDatabaseKey();
  const db = await InProcessDatabaseClient.open({ file, key });
  const events = new EventBus();
  const recorded: RecordedEvent[] = [];
  events.connect((event, payload) => recorded.push({ event, payload }));
  const makeEngine = (options: ClientOptions): SyncEngine =>
    new SyncEngine({
      db,
      connection: { baseUrl: options.server.url, token: options.token },
      fetch: options.fetch ?? globalThis.fetch,
      events,
      logError: (context, error) => {
        console.error(`[sync test] ${context}`, error);
      },
      random: options.random ?? seededRandom(7),
      systemEvents: options.systemEvents,
      options: { ...FAST_RETRIES, ...options.options },
    });
  const handle: SyncClient = {
    db,
    file,
    key,
    events,
    recorded,
    engine: makeEngine(client),
    restartEngine: async (overrides = {}) => {
      await handle.engine.stop();
      handle.engine = makeEngine({ ...client, ...overrides });
      handle.engine.start();
      return handle.engine;
    },
    eventsOf: <E extends EventName>(event: E) =>
      recorded.filter((r) => r.event === event).map((r) => r.payload as EventPayload<E>),
    close: async () => {
      await handle.engine.stop();
      await db.close();
    },
  };
  return handle;
}

/** Seeded, so jitter and random choices repeat from run to run. */
export { seededRandom };

/** Polls until the condition holds; fails with the message after timeoutMs. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Syncs until a cycle ends idle with nothing pending (faults may need several cycles). */
export async function syncUntilSettled(client: SyncClient, maxCycles = 50): Promise<void> {
  for (let i = 0; i < maxCycles; i++) {
    await client.engine.syncNow();
    const status = client.engine.status();
    if (status.phase === 'idle' && status.pendingMutations === 0) return;
  }
  throw new Error(`Sync did not settle: ${JSON.stringify(client.engine.status())}`);
}
