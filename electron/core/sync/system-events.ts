// "The network came back" and "the system woke up" as one subscription for the engine. The
// shells know different things: Electron has powerMonitor's resume and net.isOnline(); plain
// Node has neither, but a polling timer that fires far too late reveals a sleep, and the
// network interfaces reveal whether any link is up. Both shells build their subscription
// here, from what they have.
import type { SubscribeSystemEvents, SystemEvent } from './sync-engine.js';

export interface SystemWatchOptions {
  /** Whether the machine has a network link at all (net.isOnline, or any non-internal interface). */
  readonly isOnline: () => boolean;
  /** The OS's own resume notification, when the shell has one. */
  readonly onResume?: (listener: () => void) => () => void;
  readonly pollMs?: number;
  readonly now?: () => number;
}

/** A timer this late (in poll periods) means the process was frozen: the system slept. */
const SLEEP_FACTOR = 3;

export function watchSystemEvents(options: SystemWatchOptions): SubscribeSystemEvents {
  const pollMs = options.pollMs ?? 5_000;
  const now = options.now ?? Date.now;
  return (listener: (event: SystemEvent) => void) => {
    let online = options.isOnline();
    let lastTick = now();
    const timer = setInterval(() => {
      const tick = now();
      if (options.onResume === undefined && tick - lastTick > pollMs * SLEEP_FACTOR) listener('resume');
      lastTick = tick;
      const current = options.isOnline();
      if (current !== online) {
        online = current;
        listener(current ? 'online' : 'offline');
      }
    }, pollMs);
    timer.unref();
    const stopResume = options.onResume?.(() => {
      listener('resume');
    });
    return () => {
      clearInterval(timer);
      stopResume?.();
    };
  };
}
