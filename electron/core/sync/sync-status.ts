// The engine's status as the status bar shows it, published as 'sync:status' whenever it
// changes (and no more often: progress is reported once per page).
import type { SyncStatus } from '../../../common/ipc/events.js';
import type { EventBus } from '../events.js';

export const INITIAL_STATUS: SyncStatus = {
  phase: 'idle',
  done: 0,
  estimatedTotal: null,
  lastSyncedAt: null,
  pendingMutations: 0,
  message: null,
  nextRetryAt: null,
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
