// The scheduler on a fake clock: which trigger runs a cycle when, and what waits.
import { describe, expect, it } from 'vitest';
import { SyncScheduler, type CycleResult } from '../../../electron/core/sync/scheduler.js';
import type { SyncClock } from '../../../electron/core/sync/sync-clock.js';

class FakeClock implements SyncClock {
  time = 1_000_000;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** The next timer's due time, or null. */
  nextDue(): number | null {
    const due = [...this.timers.values()].map((t) => t.at);
    return due.length === 0 ? null : Math.min(...due);
  }
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (next === undefined) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].callback();
      await flush();
    }
    this.time = end;
    await flush();
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function harness(results: CycleResult[] = [], intervalMs = 60_000) {
  const clock = new FakeClock();
  const runs: number[] = [];
  const retries: number[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const scheduler = new SyncScheduler({
    clock,
    random: () => 0.5,
    backoff: { baseMs: 1_000, capMs: 60_000 },
    intervalMs,
    run: async () => {
      runs.push(clock.now());
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return results.shift() ?? { kind: 'ok' };
    },
    onRetryScheduled: (at) => retries.push(at),
  });
  return {
    clock,
    runs,
    retries,
    scheduler,
    hold: () => {
      hold = true;
    },
    release: () => {
      hold = false;
      release?.();
    },
  };
}

describe('SyncScheduler', () => {
  it('runs one cycle at a time: requests during a cycle make exactly one more', async () => {
    const h = harness();
    h.hold();
    const first = h.scheduler.request('start');
    await flush();
    const during = [h.scheduler.request('poke'), h.scheduler.request('mutation'), h.scheduler.request('manual')];
    await flush();
    expect(h.runs).toHaveLength(1);
    h.release();
    await first;
    await Promise.all(during);
    expect(h.runs).toHaveLength(2);
  });

  it('falls back to the interval after a success', async () => {
    const h = harness([], 30_000);
    await h.scheduler.request('start');
    expect(h.clock.nextDue()).toBe(h.clock.now() + 30_000);
    await h.clock.advance(30_000);
    expect(h.runs).toHaveLength(2);
  });

  it('backs off after failures; pokes and mutations do not cut the wait short, the user does', async () => {
    const h = harness([
      { kind: 'failed', retryAfterMs: null },
      { kind: 'failed', retryAfterMs: null },
    ]);
    await h.scheduler.request('start');
    // attempt 0: random 0.5 × 1 s
    expect(h.retries).toEqual([h.clock.now() + 500]);
    void h.scheduler.request('poke');
    void h.scheduler.request('mutation');
    await flush();
    expect(h.runs).toHaveLength(1);
    await h.clock.advance(500);
    expect(h.runs).toHaveLength(2);
    // attempt 1: 0.5 × 2 s
    expect(h.retries.at(-1)).toBe(h.clock.now() + 1_000);
    await h.scheduler.request('manual');
    expect(h.runs).toHaveLength(3);
  });

  it('honours Retry-After, even for the user', async () => {
    const h = harness([{ kind: 'failed', retryAfterMs: 20_000 }]);
    await h.scheduler.request('start');
    const failedAt = h.clock.now();
    expect(h.retries).toEqual([failedAt + 20_000]);
    const manual = h.scheduler.request('manual');
    await h.clock.advance(19_999);
    expect(h.runs).toHaveLength(1);
    await h.clock.advance(1);
    await manual;
    expect(h.runs).toEqual([failedAt, failedAt + 20_000]);
  });

  it('runs nothing on its own once halted (signed out), until the user asks', async () => {
    const h = harness([{ kind: 'halt' }]);
    await h.scheduler.request('start');
    await h.scheduler.request('poke');
    await h.clock.advance(10 * 60_000);
    expect(h.runs).toHaveLength(1);
    expect(h.clock.nextDue()).toBeNull();
    await h.scheduler.request('manual');
    expect(h.runs).toHaveLength(2);
  });

  it('stop() cancels timers and releases whoever waits', async () => {
    const h = harness([{ kind: 'failed', retryAfterMs: null }]);
    await h.scheduler.request('start');
    const waiting = h.scheduler.request('poke');
    await h.scheduler.stop();
    await waiting;
    expect(h.clock.nextDue()).toBeNull();
    await h.scheduler.request('manual');
    expect(h.runs).toHaveLength(1);
  });
});
