// The session: once the vault is unlocked, decide where the cache syncs from — the stored
// API, or the embedded demo server by default — and run the sync engine against it. Changing
// the source stops the engine first and, when the server changes, clears everything that
// came from the old one (pending mutations included: they must not reach another server).
import type { SessionPerson, SessionStatus } from '../../../common/ipc/channels/session.js';
import type { VaultStatus } from '../../../common/ipc/channels/vault.js';
import type { DatabaseClient } from '../db/database-client.js';
import type { EventBus } from '../events.js';
import { IpcFailure } from '../ipc/handler-table.js';
import {
  readConnectionConfig,
  serverIdentity,
  writeConnectionConfig,
  type ConnectionConfig,
} from './connection-config.js';
import { defaultDemoStaff, type DemoServer, type StartDemoServer } from './demo-server.js';
import { fetchMe } from './fetch-me.js';
import type { ApiConnection, CreateEngine, SessionEngine } from './session-engine.js';

export interface SessionOptions<E extends SessionEngine> {
  readonly vault: {
    onStatus(listener: (status: VaultStatus) => void): () => void;
    database(): DatabaseClient;
  };
  readonly events: EventBus;
  readonly fetch: typeof fetch;
  readonly startDemoServer: StartDemoServer;
  readonly createEngine: CreateEngine<E>;
  readonly logError: (context: string, error: unknown) => void;
}

const LOCKED: SessionStatus = {
  state: 'locked',
  source: null,
  baseUrl: null,
  me: null,
  demoStaff: [],
  message: null,
};

export class SessionManager<E extends SessionEngine = SessionEngine> {
  private current: SessionStatus = LOCKED;
  private running: E | null = null;
  private demo: Promise<DemoServer> | null = null;
  /** One change at a time: a double-clicked "Connect" must not start two engines. */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly detach: () => void;

  constructor(private readonly options: SessionOptions<E>) {
    this.detach = options.vault.onStatus((vault) => {
      void this.serialize(() => (vault.state === 'unlocked' ? this.begin() : this.end()));
    });
  }

  status(): SessionStatus {
    return this.current;
  }

  /** The sync engine of the running session; null while locked or switching. */
  engine(): E | null {
    return this.running;
  }

  isDemo(): boolean {
    return this.current.source === 'demo';
  }

  useDemo(staffId: string | null): Promise<SessionStatus> {
    return this.serialize(async () => {
      if (staffId !== null) {
        const demo = await this.demoServer();
        if (!demo.staff.some((s) => s.id === staffId)) {
          throw new IpcFailure('not_found', 'There is no such member of the demo team.');
        }
      }
      await this.switchTo({ kind: 'demo', staffId });
      return this.current;
    });
  }

  connectApi(baseUrl: string, token: string): Promise<SessionStatus> {
    return this.serialize(async () => {
      const me = await fetchMe(this.options.fetch, baseUrl, token);
      await this.switchTo({ kind: 'api', baseUrl, token, me });
      return this.current;
    });
  }

  async close(): Promise<void> {
    this.detach();
    await this.serialize(() => this.end());
    const demo = this.demo;
    this.demo = null;
    if (demo !== null) await (await demo).close();
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async switchTo(config: ConnectionConfig): Promise<void> {
    const db = this.options.vault.database();
    const previous = await readConnectionConfig(db);
    await this.end();
    if (serverIdentity(previous) !== serverIdentity(config)) await db.call('clearServerData', {});
    await writeConnectionConfig(db, config);
    await this.begin();
  }

  private async begin(): Promise<void> {
    await this.end();
    const db = this.options.vault.database();
    const config = await readConnectionConfig(db);
    this.publish({ ...LOCKED, state: 'starting', source: config.kind });
    try {
      const { connection, me, demoStaff } = await this.resolve(config);
      this.running = this.options.createEngine({
        db,
        connection,
        fetch: this.options.fetch,
        events: this.options.events,
        logError: this.options.logError,
      });
      this.running.start();
      this.publish({ state: 'running', source: config.kind, baseUrl: connection.baseUrl, me, demoStaff, message: null });
    } catch (error) {
      this.options.logError('session start', error);
      const message = error instanceof Error ? error.message : 'The data source could not be started.';
      this.publish({ ...LOCKED, state: 'error', source: config.kind, message });
    }
  }

  private async resolve(
    config: ConnectionConfig,
  ): Promise<{ connection: ApiConnection; me: SessionPerson | null; demoStaff: SessionPerson[] }> {
    switch (config.kind) {
      case 'api':
        return { connection: { baseUrl: config.baseUrl, token: config.token }, me: config.me, demoStaff: [] };
      case 'demo': {
        const demo = await this.demoServer();
        const chosen = demo.staff.find((s) => s.id === config.staffId) ?? defaultDemoStaff(demo.staff);
        if (chosen === null) throw new Error('The demo server has no staff to sign in as.');
        const person = (s: SessionPerson): SessionPerson => ({ id: s.id, name: s.name, role: s.role });
        return {
          connection: { baseUrl: demo.url, token: chosen.token },
          me: person(chosen),
          demoStaff: demo.staff.map(person),
        };
      }
    }
  }

  /** Started on first use and kept for the app's lifetime: it holds the demo's own data. */
  private demoServer(): Promise<DemoServer> {
    this.demo ??= this.options.startDemoServer().catch((error: unknown) => {
      this.demo = null;
      throw error;
    });
    return this.demo;
  }

  private async end(): Promise<void> {
    const engine = this.running;
    this.running = null;
    if (engine !== null) await engine.stop();
    if (this.current.state !== 'locked') this.publish(LOCKED);
  }

  private publish(status: SessionStatus): void {
    this.current = status;
    this.options.events.emit('session:status', status);
  }
}
