import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SystemEvent } from '../../../electron/core/sync/sync-engine.js';
import { watchSystemEvents } from '../../../electron/core/sync/system-events.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchSystemEvents', () => {
  it('reports the network going and coming back', () => {
    let online = true;
    const seen: SystemEvent[] = [];
    const stop = watchSystemEvents({ isOnline: () => online, pollMs: 1_000 })((e) => seen.push(e));
    vi.advanceTimersByTime(3_000);
    online = false;
    vi.advanceTimersByTime(1_000);
    online = true;
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual(['offline', 'online']);
    stop();
    online = false;
    vi.advanceTimersByTime(5_000);
    expect(seen).toEqual(['offline', 'online']);
  });

  it('notices a sleep from a timer that fired far too late, when the shell has no resume event', () => {
    let clock = 0;
    const seen: SystemEvent[] = [];
    watchSystemEvents({ isOnline: () => true, pollMs: 1_000, now: () => clock })((e) => seen.push(e));
    clock += 1_000;
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([]);
    clock += 60_000; // the process was frozen for a minute
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual(['resume']);
  });

  it('uses the shell’s own resume notification when there is one', () => {
    let fire: () => void = () => undefined;
    const unsubscribed = vi.fn();
    const seen: SystemEvent[] = [];
    const stop = watchSystemEvents({
      isOnline: () => true,
      onResume: (listener) => {
        fire = listener;
        return unsubscribed;
      },
    })((e) => seen.push(e));
    fire();
    expect(seen).toEqual(['resume']);
    stop();
    expect(unsubscribed).toHaveBeenCalledOnce();
  });
});
