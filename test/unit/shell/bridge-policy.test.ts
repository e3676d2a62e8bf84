import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../common/ipc/contract.js';
import { IPC_EVENTS } from '../../../common/ipc/events.js';
import {
  createRawBridge,
  encodeAllowListArguments,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  parseAllowListArguments,
  type BridgeAllowList,
  type IpcRendererLike,
} from '../../../electron/security/bridge-policy.js';

class FakeIpcRenderer implements IpcRendererLike {
  readonly listeners = new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>();
  readonly invoke = vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> =>
    Promise.resolve({ ok: true, value: 1 }),
  );
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  /** What the main process's webContents.send produces, with a raw IpcRendererEvent first. */
  emitFromMain(name: unknown, payload: unknown): void {
    const rawEvent = { sender: 'the ipcRenderer itself', ports: [] };
    for (const listener of this.listeners.get(EVENT_CHANNEL) ?? []) listener(rawEvent, name, payload);
  }
}

const ALLOW: BridgeAllowList = { channels: new Set(['app:ping']), events: new Set(['sync:status', 'data:changed']) };

function setup(reportError = vi.fn()) {
  const ipc = new FakeIpcRenderer();
  return { ipc, bridge: createRawBridge(ipc, ALLOW, reportError), reportError };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('allow-list arguments', () => {
  it('round-trips the contract’s channel and event names', () => {
    const events = Object.keys(IPC_EVENTS);
    const args = encodeAllowListArguments(CHANNEL_NAMES, events);
    const parsed = parseAllowListArguments(['/opt/loopdesk/loopdesk', '--type=renderer', ...args]);
    expect([...parsed.channels]).toEqual([...CHANNEL_NAMES]);
    expect([...parsed.events]).toEqual(events);
    expect(parsed.channels.size).toBeGreaterThan(0);
  });

  it('means nothing is allowed when the arguments are missing', () => {
    const parsed = parseAllowListArguments(['--type=renderer']);
    expect(parsed.channels.size).toBe(0);
    expect(parsed.events.size).toBe(0);
  });

  it('refuses names that would corrupt the list', () => {
    expect(() => encodeAllowListArguments(['a,b'], [])).toThrow(/Invalid IPC name/);
    expect(() => encodeAllowListArguments([], ['has space'])).toThrow(/Invalid IPC name/);
    expect(() => encodeAllowListArguments([''], [])).toThrow(/Invalid IPC name/);
  });

  it('drops malformed names when parsing', () => {
    const parsed = parseAllowListArguments([
      '--loopdesk-channels=app:ping,,__proto__ x,app:info',
      '--loopdesk-events=',
    ]);
    expect([...parsed.channels]).toEqual(['app:ping', 'app:info']);
    expect(parsed.events.size).toBe(0);
  });
});

describe('createRawBridge invoke', () => {
  it('forwards an allowed channel over the single invoke channel', async () => {
    const { ipc, bridge } = setup();
    await expect(bridge.invoke('app:ping', { sentAt: 1 })).resolves.toEqual({ ok: true, value: 1 });
    expect(ipc.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'app:ping', { sentAt: 1 });
  });

  it.each(['app:info', 'loopdesk:invoke', '__proto__', 'constructor', 42, null])(
    'refuses %j without calling the main process',
    async (channel) => {
      const { ipc, bridge } = setup();
      const result = await bridge.invoke(channel as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('turns failures into values: unclonable requests and a missing main handler', async () => {
    const { ipc, bridge } = setup();
    ipc.invoke.mockImplementationOnce(() => {
      throw new Error('An object could not be cloned.');
    });
    await expect(bridge.invoke('app:ping', { fn: () => 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    ipc.invoke.mockRejectedValueOnce(new Error("No handler registered for 'loopdesk:invoke'"));
    await expect(bridge.invoke('app:ping', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('createRawBridge subscribe', () => {
  it('gives listeners the payload only, never the IpcRendererEvent', () => {
    const { ipc, bridge } = setup();
    const listener = vi.fn();
    bridge.subscribe('sync:status', listener);
    ipc.emitFromMain('sync:status', { phase: 'idle' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ phase: 'idle' }]);
  });

  it('delivers only the subscribed event and ignores names off the allow-list', () => {
    const { ipc, bridge } = setup();
    const listener = vi.fn();
    bridge.subscribe('sync:status', listener);
    ipc.emitFromMain('data:changed', { kinds: [] });
    ipc.emitFromMain('vault:status', { state: 'locked' });
    ipc.emitFromMain(42, {});
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses to subscribe to an event off the allow-list or with a non-function', () => {
    const { bridge } = setup();
    expect(() => bridge.subscribe('vault:status', vi.fn())).toThrow(/Unknown event/);
    expect(() => bridge.subscribe('sync:status', 'not a function' as never)).toThrow(/function/);
  });

  it('returns an unsubscribe function that stops delivery and is idempotent', () => {
    const { ipc, bridge } = setup();
    const kept = vi.fn();
    const dropped = vi.fn();
    bridge.subscribe('sync:status', kept);
    const unsubscribe = bridge.subscribe('sync:status', dropped);
    unsubscribe();
    unsubscribe();
    ipc.emitFromMain('sync:status', { phase: 'pull' });
    expect(kept).toHaveBeenCalledOnce();
    expect(dropped).not.toHaveBeenCalled();
    expect(ipc.listeners.get(EVENT_CHANNEL)).toHaveLength(1);
  });

  it('replays the latest payload to a late subscriber, after subscribe returns', async () => {
    const { ipc, bridge } = setup();
    ipc.emitFromMain('sync:status', { phase: 'bootstrap' });
    ipc.emitFromMain('sync:status', { phase: 'idle' });
    const late = vi.fn();
    bridge.subscribe('sync:status', late);
    expect(late).not.toHaveBeenCalled();
    await flush();
    expect(late.mock.calls).toEqual([[{ phase: 'idle' }]]);
  });

  it('skips the replay when a fresher payload arrived first, or after unsubscribe', async () => {
    const { ipc, bridge } = setup();
    ipc.emitFromMain('sync:status', { phase: 'old' });
    const fresh = vi.fn();
    bridge.subscribe('sync:status', fresh);
    ipc.emitFromMain('sync:status', { phase: 'new' });
    const gone = vi.fn();
    bridge.subscribe('sync:status', gone)();
    await flush();
    expect(fresh.mock.calls).toEqual([[{ phase: 'new' }]]);
    expect(gone).not.toHaveBeenCalled();
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { ipc, bridge, reportError } = setup();
    const after = vi.fn();
    bridge.subscribe('data:changed', () => {
      throw new Error('view bug');
    });
    bridge.subscribe('data:changed', after);
    ipc.emitFromMain('data:changed', { kinds: ['response'] });
    expect(after).toHaveBeenCalledOnce();
    expect(reportError).toHaveBeenCalledOnce();
  });
});
