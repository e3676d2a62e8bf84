// When sync runs: on start, on a poke, on a user's mutation, on the fallback interval, when
// the network comes back or the system resumes, and on demand. One cycle at a time: a
// request during a cycle makes one more cycle run right after it. After a failure the next
// automatic attempt waits a full-jitter backoff (never less than the server's Retry-After);
// pokes, mutations and the interval do not cut that wait short, but the user ("Sync now"),
// a network change and a resume do — still no earlier than Retry-After allows.
import { retryDelay, type BackoffPolicy } from './backoff.js';
import type { SyncClock, TimerHandle } from './sync-clock.js';

export type SyncTrigger = 'start' | 'poke' | 'interval' | 'mutation' | 'manual' | 'network' | 'resume';

export type CycleResult =
  | { readonly kind: 'ok' }
  | { readonly kind: 'failed'; readonly retryAfterMs: number | null }
  /** No automatic attempt until the user asks (signed out). */
  | { readonly kind: 'halt' };

export interface SchedulerOptions {
  readonly clock: SyncClock;
  readonly random: () => number;
  readonly backoff: BackoffPolicy;
  readonly intervalMs: number;
  readonly run: (signal: AbortSignal) => Promise<CycleResult>;
  /** After a failure: when the next attempt is due (epoch ms). */
  readonly onRetryScheduled: (at: number) => void;
}

const URGENT: readonly SyncTrigger[] = ['start', 'manual', 'network', 'resume'];

export class SyncScheduler {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: { readonly handle: TimerHandle } | null = null;
  private failures = 0;
  private notBefore = 0;
  private halted = false;
  private stopped = false;
  private readonly controller = new AbortController();
  /** Resolved when the next cycle to start has finished. */
  private nextWaiters: (() => void)[] = [];

  constructor(private readonly options: SchedulerOptions) {}

  /** Resolves once a cycle that started after this call has finished (at once when stopped). */
  request(trigger: SyncTrigger): Promise<void> {
    if (this.stopped || (this.halted && trigger !== 'manual')) return Promise.resolve();
    const finished = new Promise<void>((resolve) => this.nextWaiters.push(resolve));
    if (this.running !== null) {
      this.again = true;
      return finished;
    }
    const urgent = URGENT.includes(trigger);
    if (this.failures > 0 && this.timer !== null && !urgent) return finished;
    const wait = this.notBefore - this.options.clock.now();
    if (wait > 0) this.schedule(wait);
    else this.runNow();
    return finished;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.controller.abort();
    await this.running;
    for (const resolve of this.nextWaiters.splice(0)) resolve();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = {
      handle: this.options.clock.setTimeout(() => {
        this.timer = null;
        if (this.running === null) this.runNow();
        else this.again = true;
      }, ms),
    };
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    this.options.clock.clearTimeout(this.timer.handle);
    this.timer = null;
  }

  private runNow(): void {
    if (this.stopped) return;
    this.clearTimer();
    const waiters = this.nextWaiters.splice(0);
    this.again = false;
    this.running = this.cycle().finally(() => {
      this.running = null;
      for (const resolve of waiters) resolve();
      // Signed out, nothing will run on its own: whoever waits for the next cycle stops waiting.
      if (this.halted) for (const resolve of this.nextWaiters.splice(0)) resolve();
      else if (this.again && !this.stopped && this.failures === 0) this.runNow();
    });
  }

  private async cycle(): Promise<void> {
    let result: CycleResult;
    try {
      result = await this.options.run(this.controller.signal);
    } catch {
      result = { kind: 'failed', retryAfterMs: null };
    }
    if (this.stopped) return;
    const now = this.options.clock.now();
    switch (result.kind) {
      case 'ok':
        this.failures = 0;
        this.notBefore = 0;
        this.halted = false;
        // The fallback for lost pokes; a poke or a mutation replaces it with a sooner run.
        this.schedule(this.options.intervalMs);
        return;
      case 'failed': {
        const delay = retryDelay(this.failures, result.retryAfterMs, this.options.backoff, this.options.random);
        this.failures += 1;
        this.notBefore = result.retryAfterMs === null ? 0 : now + result.retryAfterMs;
        this.schedule(delay);
        this.options.onRetryScheduled(now + delay);
        return;
      }
      case 'halt':
        this.halted = true;
        this.clearTimer();
        return;
    }
  }
}
