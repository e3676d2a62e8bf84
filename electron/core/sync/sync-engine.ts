// The sync engine (DESIGN.md "Sync"): keeps the encrypted cache converging to the server's
// state and sends the user's work. Pages are parsed and written by the database worker; this
// thread only schedules, fetches bytes and publishes status, so the window stays responsive
// during a million-record bootstrap.
import type { MutationName } from '../../../common/api/mutations.js';
import type { SlaPolicyReply } from '../../../common/api/sla-policy.js';
import type { SlaPolicy } from '../../../common/domain/sla.js';
import type { SyncStatus } from '../../../common/ipc/events.js';
import type { DatabaseClient } from '../db/database-client.js';
import type { EventBus } from '../events.js';
import { ApiFailure } from './api-failure.js';
import { ApiClient, RequestCancelled, type ApiConnection } from './api-client.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { inProcessPageParser, type PageParser } from './page-parser.js';
import { PokeListener } from './poke-listener.js';
import { pullToEnd } from './pull.js';
import { pushAll } from './push.js';
import { SyncScheduler, type CycleResult, type SyncTrigger } from './scheduler.js';
import type { PushOutcome } from './store/outbox.js';
import { systemClock, type SyncClock } from './sync-clock.js';
import { ChangeAnnouncer, SyncStatusTracker } from './sync-status.js';
import { MutationRefused } from './mutation-refused.js';

export interface SyncEngineOptions {
  /** Changes per GET /v1/changes (the API allows up to 5,000). */
  readonly pageSize: number;
  /**
   * Changes per transaction during a bootstrap (several pages): each commit rewrites the
   * pages it touched at the end of the tables and their indexes, so fewer commits write less.
   */
  readonly bootstrapBatchRecords: number;
  /** Mutations per POST /v1/mutations (the API allows up to 500). */
  readonly pushBatchSize: number;
  /** The fallback pull, for pokes lost with a dead connection. */
  readonly intervalMs: number;
  readonly backoff: BackoffPolicy;
  /** A poke stream silent this long (no keep-alive either) is reconnected. */
  readonly pokeIdleTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Listen to GET /v1/poke (tests of the other triggers turn it off). */
  readonly pokes: boolean;
  /** stop() sends pending mutations for at most this long before giving up (they stay queued). */
  readonly stopFlushMs: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncEngineOptions = {
  pageSize: 5_000,
  bootstrapBatchRecords: 20_000,
  pushBatchSize: 100,
  intervalMs: 60_000,
  backoff: DEFAULT_BACKOFF,
  pokeIdleTimeoutMs: 45_000,
  requestTimeoutMs: 60_000,
  pokes: true,
  stopFlushMs: 1_500,
};

/** What the shell reports about the machine (electron: powerMonitor, net.isOnline). */
export type SystemEvent = 'resume' | 'online' | 'offline';
export type SubscribeSystemEvents = (listener: (event: SystemEvent) => void) => () => void;

export interface SyncEngineArgs {
  readonly db: DatabaseClient;
  readonly connection: ApiConnection;
  readonly fetch: typeof fetch;
  readonly events: EventBus;
  readonly logError: (context: string, error: unknown) => void;
  readonly systemEvents?: SubscribeSystemEvents;
  /**
   * Parses and validates pages of the change feed: a WorkerPageParser in the app, so that it
   * runs beside the database worker; on this thread when absent (tests).
   */
  readonly pageParser?: PageParser;
  readonly clock?: SyncClock;
  readonly random?: () => number;
  readonly options?: Partial<SyncEngineOptions>;
}

export class SyncEngine {
  private readonly options: SyncEngineOptions;
  private readonly clock: SyncClock;
  private readonly api: ApiClient;
  private readonly tracker: SyncStatusTracker;
  private readonly changes: ChangeAnnouncer;
  private readonly scheduler: SyncScheduler;
  private readonly pokes: PokeListener | null;
  private unsubscribeSystem: (() => void) | null = null;
  private identityKnown = false;
  private summaryLoaded = false;
  private pushWanted = false;
  private started = false;
  private stopped = false;

  constructor(private readonly args: SyncEngineArgs) {
    this.options = { ...DEFAULT_SYNC_OPTIONS, ...args.options };
    this.clock = args.clock ?? systemClock;
    const random = args.random ?? Math.random;
    this.api = new ApiClient({
      connection: args.connection,
      fetch: args.fetch,
      timeoutMs: this.options.requestTimeoutMs,
      now: () => this.clock.now(),
    });
    this.tracker = new SyncStatusTracker(args.events);
    this.changes = new ChangeAnnouncer(args.events, this.clock);
    this.scheduler = new SyncScheduler({
      clock: this.clock,
      random,
      backoff: this.options.backoff,
      intervalMs: this.options.intervalMs,
      run: (signal) => this.cycle(signal),
      onRetryScheduled: (at) => {
        this.tracker.update({ nextRetryAt: at });
      },
    });
    this.pokes = this.options.pokes
      ? new PokeListener({
          api: this.api,
          clock: this.clock,
          random,
          backoff: this.options.backoff,
          idleTimeoutMs: this.options.pokeIdleTimeoutMs,
          onPoke: () => void this.scheduler.request('poke'),
          // A stream that drops may mean the server or the network went away: one pull finds
          // out at once, so the status bar says offline instead of "synced just now". It is
          // an ordinary (not urgent) request: it never cuts a failure's backoff short.
          onConnection: (open) => {
            if (!open) void this.scheduler.request('poke');
          },
          onUnauthorized: () => {
            this.signOut();
          },
        })
      : null;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.loadSummary().catch((error: unknown) => {
      this.args.logError('sync status', error);
    });
    this.unsubscribeSystem =
      this.args.systemEvents?.((event) => {
        this.onSystemEvent(event);
      }) ?? null;
    void this.scheduler.request('start');
    this.pokes?.start();
  }

  /** Resolves when a sync that started after this call has finished (successfully or not). */
  syncNow(): Promise<void> {
    return this.scheduler.request('manual');
  }

  status(): SyncStatus {
    return this.tracker.get();
  }

  /**
   * The optimistic local write and its outbox row, in one synchronous=FULL transaction; then a
   * push. Rejects with MutationRefused when the local rules already refuse it.
   */
  async submit(name: MutationName, args: unknown): Promise<{ readonly mutationId: number }> {
    const outcome = await this.args.db.call('syncSubmit', { name, args, nowMs: this.clock.now() });
    if (!outcome.ok) throw new MutationRefused(outcome.code, outcome.reason);
    this.tracker.update({ pendingMutations: outcome.pendingMutations });
    this.args.events.emit('data:changed', { kinds: ['followup'] });
    this.pushWanted = true;
    // Before start() (or after stop()) the row simply waits in the outbox.
    if (this.started && !this.stopped) void this.scheduler.request('mutation');
    return { mutationId: outcome.mutationId };
  }

  /**
   * A manager's new SLA policy for the team: PUT /v1/sla-policy, then stored as the policy in
   * effect. Nothing is queued: the server decides (only managers may), so the caller hears
   * of a refusal or of being offline (ApiFailure) and keeps the user's edits.
   */
  async saveSlaPolicy(policy: SlaPolicy): Promise<void> {
    const reply = await this.api.putSlaPolicy(policy, new AbortController().signal);
    await this.storeSlaPolicy(reply);
  }

  /** Stops every timer and request; pending mutations get a short last chance to be sent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribeSystem?.();
    await Promise.all([this.scheduler.stop(), this.pokes?.stop()]);
    await this.flushOnStop();
  }

  private onSystemEvent(event: SystemEvent): void {
    switch (event) {
      case 'offline':
        if (!this.scheduler.busy) this.tracker.update({ phase: 'offline', message: null });
        return;
      case 'online':
      case 'resume':
        void this.scheduler.request(event === 'online' ? 'network' : 'resume');
        return;
    }
  }

  private signOut(): void {
    this.tracker.update({
      phase: 'signed_out',
      message: 'The server no longer accepts this sign-in. Sign in again to resume syncing.',
      nextRetryAt: null,
      indexing: null,
    });
    void this.pokes?.stop();
  }

  /** What the cache says before any sync: the status bar shows it at once. */
  private async loadSummary(): Promise<void> {
    const summary = await this.args.db.call('syncSummary', {});
    this.summaryLoaded = true;
    this.tracker.update({ lastSyncedAt: summary.lastSyncedAt, pendingMutations: summary.pendingMutations });
  }

  private async cycle(signal: AbortSignal): Promise<CycleResult> {
    try {
      if (!this.summaryLoaded) await this.loadSummary();
      await this.learnIdentity(signal);
      // The team's SLA policy (a PUT pokes every client): one small request on the cycle's
      // connection, first, so that the cycle still ends as soon as its pull does.
      await this.refreshSlaPolicy(signal);
      // What the user did goes first, so the pull brings the server's answer to it.
      let pushFailure = await this.tryPush(signal);
      const summary = await pullToEnd({
        db: this.args.db,
        api: this.api,
        parser: this.args.pageParser ?? inProcessPageParser,
        signal,
        pageSize: this.options.pageSize,
        bootstrapBatchRecords: this.options.bootstrapBatchRecords,
        now: () => this.clock.now(),
        onProgress: (progress) => {
          this.tracker.update({
            phase: progress.bootstrapping ? 'bootstrap' : 'pull',
            done: progress.done,
            estimatedTotal: progress.estimatedTotal,
            message: null,
            nextRetryAt: null,
            indexing: null,
          });
        },
        onIndexing: (indexing) => {
          this.tracker.update({ indexing });
        },
        onIndexingChanged: (kinds) => {
          this.changes.announce(kinds, false);
        },
        onPage: (page, bootstrapping) => {
          this.tracker.update({ pendingMutations: page.pendingMutations });
          this.changes.announce(page.kinds, bootstrapping);
        },
        onReset: () => {
          this.identityKnown = false;
          this.args.events.emit('data:changed', { kinds: ['reset'] });
        },
        betweenPages: async () => {
          if (!this.pushWanted) return false;
          pushFailure = (await this.tryPush(signal)) ?? pushFailure;
          return true;
        },
      });
      this.changes.flush();
      // The reset above forgot who we are: learn it again before the user acts.
      await this.learnIdentity(signal);
      if (pushFailure !== null) throw pushFailure.error;
      this.tracker.update({
        phase: 'idle',
        done: 0,
        estimatedTotal: null,
        lastSyncedAt: summary.lastSyncedAt,
        pendingMutations: summary.pendingMutations,
        message: null,
        nextRetryAt: null,
        indexing: null,
      });
      return { kind: 'ok' };
    } catch (error) {
      return this.failed(error);
    }
  }

  private failed(error: unknown): CycleResult {
    this.changes.flush();
    if (error instanceof RequestCancelled || this.stopped) return { kind: 'failed', retryAfterMs: null };
    if (error instanceof ApiFailure) {
      if (error.unauthorized) {
        this.signOut();
        return { kind: 'halt' };
      }
      this.tracker.update({
        phase: error.offline ? 'offline' : 'error',
        message: error.message,
        done: 0,
        estimatedTotal: null,
        indexing: null,
      });
      return { kind: 'failed', retryAfterMs: error.retryAfterMs };
    }
    this.args.logError('sync', error);
    this.tracker.update({
      phase: 'error',
      message: 'Sync failed because of an error in Loopdesk. It will try again.',
      done: 0,
      estimatedTotal: null,
      indexing: null,
    });
    return { kind: 'failed', retryAfterMs: null };
  }

  /** GET /v1/me and the staff directory, once per engine (and after a reset). */
  private async learnIdentity(signal: AbortSignal): Promise<void> {
    if (this.identityKnown) return;
    const [me, staff] = await Promise.all([this.api.me(signal), this.api.staffDirectory(signal)]);
    await this.args.db.call('syncRecordIdentity', { me, staff });
    this.identityKnown = true;
  }

  /**
   * GET /v1/sla-policy on every cycle. It never fails the cycle: whatever goes wrong (offline,
   * a server without the endpoint), the policy last fetched stays in effect until the next.
   */
  private async refreshSlaPolicy(signal: AbortSignal): Promise<void> {
    try {
      await this.storeSlaPolicy(await this.api.slaPolicy(signal));
    } catch (error) {
      if (error instanceof RequestCancelled || error instanceof ApiFailure || this.stopped) return;
      this.args.logError('sla policy', error);
    }
  }

  private async storeSlaPolicy(reply: SlaPolicyReply): Promise<void> {
    const { changed } = await this.args.db.call('syncRecordSlaPolicy', { reply });
    // The Settings editor shows it; views that re-query on any change are cheap to re-run once.
    if (changed) this.args.events.emit('data:changed', { kinds: ['sla_policy'] });
  }

  /**
   * A push that fails (the server refuses writes for a while, say) must not keep the user from
   * receiving changes: the pull goes on, and the failure is reported once it is done.
   */
  private async tryPush(signal: AbortSignal): Promise<{ readonly error: unknown } | null> {
    try {
      await this.push(signal);
      return null;
    } catch (error) {
      if (error instanceof RequestCancelled || (error instanceof ApiFailure && error.unauthorized)) throw error;
      return { error };
    }
  }

  private async push(signal: AbortSignal): Promise<void> {
    this.pushWanted = false;
    const previous = this.tracker.get();
    if (previous.pendingMutations > 0) this.tracker.update({ phase: 'push' });
    await this.pushOutbox(signal, (outcome) => {
      this.onPushOutcome(outcome);
    });
    // Mid-pull, the progress bar comes back; otherwise the pull about to start sets its phase.
    if (previous.phase === 'bootstrap' || previous.phase === 'pull') this.tracker.update({ phase: previous.phase });
  }

  private pushOutbox(signal: AbortSignal, onOutcome: (outcome: PushOutcome) => void): Promise<void> {
    return pushAll({
      db: this.args.db,
      api: this.api,
      signal,
      batchSize: this.options.pushBatchSize,
      now: () => this.clock.now(),
      onOutcome,
    });
  }

  private onPushOutcome(outcome: PushOutcome): void {
    this.tracker.update({ pendingMutations: outcome.pendingMutations });
    for (const rejection of outcome.rejected) {
      const { endUserId: _private, ...event } = rejection;
      this.args.events.emit('mutation:rejected', event);
    }
    if (outcome.rejected.length > 0) this.args.events.emit('data:changed', { kinds: ['followup'] });
  }

  private async flushOnStop(): Promise<void> {
    if (this.tracker.get().phase === 'signed_out' || this.tracker.get().pendingMutations === 0) return;
    const signal = AbortSignal.timeout(this.options.stopFlushMs);
    try {
      await this.pushOutbox(signal, () => undefined);
    } catch {
      // Best effort: whatever was not sent stays in the outbox for the next session.
    }
  }
}

export type { SyncTrigger };
