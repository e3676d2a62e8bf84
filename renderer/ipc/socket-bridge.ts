// Browser mode's window.loopdesk: the same RawBridge as Electron's preload, carried over the
// host's WebSocket. Calls made while disconnected fail fast with 'unavailable' rather than
// hang, and the socket reconnects on its own.
import type { RawBridge } from '../../common/ipc/bridge.js';
import type { IpcResult } from '../../common/ipc/result.js';

interface HostMessage {
  readonly type: 'result' | 'event';
  readonly id?: number;
  readonly result?: unknown;
  readonly event?: string;
  readonly payload?: unknown;
}

const RECONNECT_MAX_MS = 10_000;

const unavailable: IpcResult<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'Lost the connection to Loopdesk. Reconnecting…' },
};

export function createSocketBridge(socketUrl: string): RawBridge {
  const pending = new Map<number, (result: unknown) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // The host replays the latest of each event once per connection; a view that mounts later
  // (Settings, say) gets it from here, as the Electron preload does for its subscribers.
  const latest = new Map<string, unknown>();
  let nextId = 1;
  let socket: WebSocket;
  let opened: Promise<void>;
  let attempt = 0;

  const connect = (): void => {
    socket = new WebSocket(socketUrl);
    opened = new Promise((resolve) => {
      socket.addEventListener('open', () => {
        attempt = 0;
        resolve();
      });
    });
    socket.addEventListener('message', (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as HostMessage;
      if (data.type === 'result' && data.id !== undefined) {
        pending.get(data.id)?.(data.result);
        pending.delete(data.id);
      } else if (data.type === 'event' && data.event !== undefined) {
        latest.set(data.event, data.payload);
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
      }
    });
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) resolve(unavailable);
      pending.clear();
      attempt += 1;
      setTimeout(connect, Math.min(RECONNECT_MAX_MS, 250 * 2 ** attempt));
    });
  };
  connect();

  return {
    async invoke(channel, request) {
      await Promise.race([opened, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (socket.readyState !== WebSocket.OPEN) return unavailable;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ type: 'invoke', id, channel, request }));
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      if (latest.has(event)) {
        const payload = latest.get(event);
        queueMicrotask(() => {
          if (set.has(listener)) listener(payload);
        });
      }
      return () => set.delete(listener);
    },
  };
}

/**
 * The host puts its per-launch token in the URL fragment (never sent over HTTP). Keep it for
 * reloads in sessionStorage and take it out of the address bar.
 */
export function takeBrowserModeToken(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('loopdesk.token', fromHash);
    history.replaceState(null, '', window.location.pathname);
    return fromHash;
  }
  return sessionStorage.getItem('loopdesk.token');
}
