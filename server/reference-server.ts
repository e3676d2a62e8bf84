// startReferenceServer: the programmatic entry point. Demo mode (the app's embedded
// default), tests and the CLI all start the server through here.
import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Staff, StaffRole } from '../common/api/records.js';
import { Store } from './store/store.js';
import { buildApp } from './http/app.js';
import { PokeHub } from './http/poke-hub.js';
import { FaultInjector } from './faults/fault-injector.js';
import type { FaultController, FaultOptions } from './faults/fault-types.js';
import { generateDemo, type DemoOptions, type DemoStats } from './demo/generate.js';
import { DEMO_STAFF } from './demo/roster.js';
import { systemClock, type Clock } from './services/clock.js';
import { createIngestKey, createStaff, issueToken } from './services/staff.js';

export interface ReferenceServerOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  /** SQLite file; absent or null keeps everything in memory. */
  readonly dbFile?: string | null;
  /** Generate the demo data set into an empty database, and sign the demo team in. */
  readonly demo?: DemoOptions;
  /**
   * When the database has no staff at all, create one manager ("Administrator") and return
   * its token in `staff`, so that a fresh self-hosted server can be signed in to (the CLI).
   */
  readonly bootstrapManager?: boolean;
  /** Tests only: inject faults at the HTTP edge. Never set by the app or the CLI. */
  readonly faults?: FaultOptions;
  /** Fastify's request log on stdout (default false). */
  readonly logger?: boolean;
  /** Tests only: the server's clock. */
  readonly clock?: Clock;
  /** Tests only: validate every reply against the contract's zod schema. */
  readonly checkReplies?: boolean;
  /** Erasure tombstones are kept this long; older cursors get the reset reply (default 30). */
  readonly tombstoneHorizonDays?: number;
  /** SSE keep-alive comment interval (default 15 000 ms). */
  readonly keepAliveMs?: number;
}

export interface StaffCredential {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: StaffRole;
  /** Bearer token for Authorization headers (and ?token= on /v1/poke). */
  readonly token: string;
}

export interface ReferenceServer {
  /** e.g. http://127.0.0.1:53122 — no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Demo team with fresh tokens, manager first (or the bootstrapped manager); else empty. */
  readonly staff: readonly StaffCredential[];
  /** A key for POST /v1/responses and /v1/declines in demo mode; null otherwise. */
  readonly ingestKey: string | null;
  /** What demo generation did and how long it took; null when the data already existed. */
  readonly demoStats: DemoStats | null;
  /** Non-null only when started with `faults`. */
  readonly faults: FaultController | null;
  /** Adds a staff member and returns their token (the admin command does the same). */
  createStaff(input: { readonly name: string; readonly email: string; readonly role: StaffRole }): StaffCredential;
  createIngestKey(label: string): string;
  /** Closes and reopens on the same port with the same database (memory databases survive). */
  restart(): Promise<void>;
  /** Starts a new feed epoch: every cursor issued so far gets the reset reply. */
  resetFeed(): void;
  /** Purges tombstones older than the horizon as of `now` (default: the clock); returns how many. */
  purgeTombstones(now?: Date): number;
  /** Open /v1/poke streams. */
  pokeSubscribers(): number;
  close(): Promise<void>;
}

const DAY_MS = 24 * 3_600_000;

function credential(staff: Staff, token: string): StaffCredential {
  return { id: staff.id, name: staff.name, email: staff.email, role: staff.role, token };
}

export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? systemClock;
  const dbFile = options.dbFile ?? null;
  const horizonMs = (options.tombstoneHorizonDays ?? 30) * DAY_MS;
  let store = Store.open(dbFile);

  let demoStats: DemoStats | null = null;
  const staff: StaffCredential[] = [];
  let ingestKey: string | null = null;
  if (options.demo) {
    if (store.isEmpty()) demoStats = generateDemo(store, options.demo);
    for (const member of DEMO_STAFF) {
      const held = store.staff.get(member.id);
      if (held?.active)
        staff.push(
          credential(
            held,
            store.write(() => issueToken(store, held.id, clock())),
          ),
        );
    }
    ingestKey = store.write(() => createIngestKey(store, 'demo survey', clock()));
  } else if (options.bootstrapManager === true && store.isEmpty()) {
    const admin = createStaff(
      store,
      { name: 'Administrator', email: 'admin@loopdesk.invalid', role: 'manager' },
      clock(),
    );
    staff.push(credential(admin.staff, admin.token));
  }

  let restarting: Promise<void> | null = null;
  const faults = options.faults
    ? new FaultInjector(options.faults, () => {
        restarting ??= restart().finally(() => (restarting = null));
      })
    : null;

  let app: FastifyInstance;
  let hub: PokeHub;
  let unsubscribe: () => void = () => undefined;
  let port = options.port ?? 0;
  const purgeTimer = setInterval(
    () => store.write(() => store.changes.purgeTombstones(clock().getTime() - horizonMs)),
    3_600_000,
  );
  purgeTimer.unref();

  async function listen(): Promise<void> {
    store.write(() => store.changes.purgeTombstones(clock().getTime() - horizonMs));
    hub = new PokeHub({ keepAliveMs: options.keepAliveMs ?? 15_000, coalesceMs: 20 });
    unsubscribe = store.onCommit(() => {
      hub.poke();
    });
    const wrap = faults;
    app = buildApp({ store, clock, checkReplies: options.checkReplies ?? false }, hub, {
      logger: options.logger ?? false,
      ...(wrap
        ? {
            serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) =>
              createServer(wrap.wrap(handler)),
          }
        : {}),
    });
    await app.listen({ host, port });
    port = (app.server.address() as AddressInfo).port;
  }

  async function stopHttp(): Promise<void> {
    unsubscribe();
    hub.close();
    await app.close();
  }

  async function restart(): Promise<void> {
    await stopHttp();
    if (dbFile !== null) {
      store.close();
      store = Store.open(dbFile);
    }
    await listen();
  }

  await listen();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    port,
    staff,
    ingestKey,
    demoStats,
    faults,
    createStaff: (input) => {
      const created = createStaff(store, input, clock());
      return credential(created.staff, created.token);
    },
    createIngestKey: (label) => store.write(() => createIngestKey(store, label, clock())),
    restart: async () => {
      await (restarting ?? restart());
    },
    resetFeed: () => {
      store.changes.resetEpoch();
    },
    purgeTombstones: (now) => store.write(() => store.changes.purgeTombstones((now ?? clock()).getTime() - horizonMs)),
    pokeSubscribers: () => hub.subscribers,
    close: async () => {
      clearInterval(purgeTimer);
      if (restarting) await restarting;
      await stopHttp();
      store.close();
    },
  };
}
