// What the engine tells the renderer: its status as the status bar shows it, published as
// 'sync:status' whenever it changes (and no more often: progress is reported once per
// committed batch), and 'data:changed' after the cache changed.
import type { SyncStatus } from '../../../common/ipc/events.js';
import type { EventBus } from '../events.js';
import type { SyncClock } from './sync-clock.js';

export const INITIAL_STATUS: SyncStatus = {
  phase: 'idle',
  done: 0,
  estimatedTotal: null,
  lastSyncedAt: null,
  pendingMutations: 0,
  message: null,
  nextRetryAt: null,
  indexing: null,
};

function same(a: SyncStatus, b: SyncStatus): boolean {
  return (Object.keys(a) as (keyof SyncStatus)[]).every((key) => a[key] === b[key]);
}

export class SyncStatusTracker {
  private current: SyncStatus = INITIAL_STATUS;

  constructor(private readonly events: EventBus) {}

  get(): SyncStatus {
    return this.current;
  }

  update(change: Partial<SyncStatus>): void {
    const next = { ...this.current, ...change };
    if (same(next, this.current)) return;
    this.current = next;
    this.events.emit('sync:status', next);
  }
}

/**
 * During a bootstrap the views would re-query after every batch, each time over a table that
 * has just grown and (in bulk mode) has no indexes yet: the announcements are spaced by
 * BOOTSTRAP_ANNOUNCE_MS there, and the last one always goes out at the end of the pull.
 */
export const BOOTSTRAP_ANNOUNCE_MS = 2_000;

export class ChangeAnnouncer {
  private readonly kinds = new Set<string>();
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly events: EventBus,
    private readonly clock: SyncClock,
  ) {}

  announce(kinds: readonly string[], bootstrapping: boolean): void {
    for (const kind of kinds) this.kinds.add(kind);
    if (bootstrapping && this.clock.now() - this.lastAt < BOOTSTRAP_ANNOUNCE_MS) return;
    this.flush();
  }

  flush(): void {
    if (this.kinds.size === 0) return;
    this.events.emit('data:changed', { kinds: [...this.kinds] });
    this.kinds.clear();
    this.lastAt = this.clock.now();
  }
}
