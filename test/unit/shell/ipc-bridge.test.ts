import { EventEmitter } from 'node:events';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../electron/core/events.js';
import {
  forwardEventsToContents,
  registerInvokeHandler,
  type EventTargetContents,
} from '../../../electron/ipc-bridge.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../electron/security/bridge-policy.js';

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, InvokeListener>();
  const ipc: Pick<IpcMain, 'handle' | 'removeHandler'> = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error('Attempted to register a second handler');
      handlers.set(channel, listener as InvokeListener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  return { ipc, handlers };
}

const fakeEvent = (trusted: boolean) => ({ trusted }) as unknown as IpcMainInvokeEvent;

describe('registerInvokeHandler', () => {
  it('dispatches trusted calls to the core with channel and request', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispatch = vi.fn(() => Promise.resolve({ ok: true as const, value: 'v' }));
    registerInvokeHandler(ipc, { dispatch, isTrusted: (event) => (event as unknown as { trusted: boolean }).trusted });
    const handler = handlers.get(INVOKE_CHANNEL)!;
    await expect(handler(fakeEvent(true), 'app:ping', { sentAt: 1 })).resolves.toEqual({ ok: true, value: 'v' });
    expect(dispatch).toHaveBeenCalledWith('app:ping', { sentAt: 1 });
  });

  it('answers an untrusted sender with forbidden, never reaching the core', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispatch = vi.fn();
    const onRefused = vi.fn();
    registerInvokeHandler(ipc, { dispatch, isTrusted: () => false, onRefused });
    const event = fakeEvent(false);
    await expect(handlers.get(INVOKE_CHANNEL)!(event, 'app:info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(dispatch).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledWith(event);
  });

  it('registers one channel and removes it on dispose', () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispose = registerInvokeHandler(ipc, { dispatch: vi.fn(), isTrusted: () => true });
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    dispose();
    expect(handlers.size).toBe(0);
  });
});

class FakeContents extends EventEmitter implements EventTargetContents {
  destroyed = false;
  readonly sent: unknown[][] = [];
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
}

const idle = {
  phase: 'idle' as const,
  done: 0,
  estimatedTotal: null,
  lastSyncedAt: null,
  pendingMutations: 0,
  message: null,
};

describe('forwardEventsToContents', () => {
  it('sends nothing before the document is ready, then replays and forwards', () => {
    const bus = new EventBus();
    const contents = new FakeContents();
    forwardEventsToContents(bus, contents);
    bus.emit('sync:status', idle);
    expect(contents.sent).toEqual([]);
    contents.emit('dom-ready');
    expect(contents.sent).toEqual([[EVENT_CHANNEL, 'sync:status', idle]]);
    bus.emit('data:changed', { kinds: ['response'] });
    expect(contents.sent.at(-1)).toEqual([EVENT_CHANNEL, 'data:changed', { kinds: ['response'] }]);
  });

  it('reconnects on reload without sending each event twice', () => {
    const bus = new EventBus();
    const contents = new FakeContents();
    forwardEventsToContents(bus, contents);
    contents.emit('dom-ready');
    contents.emit('dom-ready');
    contents.sent.length = 0;
    bus.emit('data:changed', { kinds: [] });
    expect(contents.sent).toHaveLength(1);
  });

  it('stops with the window and never sends to a destroyed webContents', () => {
    const bus = new EventBus();
    const connect = vi.spyOn(bus, 'connect');
    const contents = new FakeContents();
    forwardEventsToContents(bus, contents);
    contents.emit('dom-ready');
    contents.destroyed = true;
    bus.emit('data:changed', { kinds: [] });
    expect(contents.sent).toEqual([]);
    contents.emit('destroyed');
    contents.destroyed = false;
    bus.emit('data:changed', { kinds: [] });
    expect(contents.sent).toEqual([]);
    expect(connect).toHaveBeenCalledOnce();
  });
});
