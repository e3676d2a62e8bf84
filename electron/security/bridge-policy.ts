// What crosses between the page and the main process, and nothing more. The preload builds
// window.loopdesk (the RawBridge of common/ipc/bridge.ts) from createRawBridge; the main
// process registers one handler on INVOKE_CHANNEL and sends events on EVENT_CHANNEL.
//
// The sandboxed preload's require() can load only 'electron' and a few Node built-ins, so
// this module (bundled into the preload) must not import zod — and the channel list of
// common/ipc/contract.ts is built from zod schemas. The main process therefore passes the
// allow-lists to the preload as command-line arguments (webPreferences.additionalArguments),
// computed from CHANNEL_NAMES and IPC_EVENTS: one source of truth, no zod in the preload.
import type { RawBridge } from '../../common/ipc/bridge.js';
import { fail } from '../../common/ipc/result.js';

export const INVOKE_CHANNEL = 'loopdesk:invoke';
export const EVENT_CHANNEL = 'loopdesk:event';

const CHANNELS_ARG = '--loopdesk-channels=';
const EVENTS_ARG = '--loopdesk-events=';

/** Channel and event names look like `area:name`; anything else is refused on both ends. */
const NAME_PATTERN = /^[a-z][a-z0-9_-]*(?::[a-z0-9_-]+)*$/i;

export interface BridgeAllowList {
  readonly channels: ReadonlySet<string>;
  readonly events: ReadonlySet<string>;
}

export function isBridgeName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** The additionalArguments that carry the allow-lists to the preload. */
export function encodeAllowListArguments(channels: readonly string[], events: readonly string[]): string[] {
  for (const name of [...channels, ...events]) {
    // A comma or space in a name would corrupt the list; fail at startup, not silently.
    if (!isBridgeName(name)) throw new Error(`Invalid IPC name for the preload allow-list: ${JSON.stringify(name)}`);
  }
  return [`${CHANNELS_ARG}${channels.join(',')}`, `${EVENTS_ARG}${events.join(',')}`];
}

function namesFrom(argv: readonly string[], prefix: string): ReadonlySet<string> {
  // additionalArguments are appended after Chromium's own switches, so the last one wins.
  const arg = argv.findLast((value) => value.startsWith(prefix));
  if (arg === undefined) return new Set();
  return new Set(
    arg
      .slice(prefix.length)
      .split(',')
      .filter((name) => isBridgeName(name)),
  );
}

/** Reads the allow-lists in the preload; missing arguments mean nothing is allowed. */
export function parseAllowListArguments(argv: readonly string[]): BridgeAllowList {
  return { channels: namesFrom(argv, CHANNELS_ARG), events: namesFrom(argv, EVENTS_ARG) };
}

/** The slice of ipcRenderer the bridge uses (a fake in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

interface Subscription {
  readonly listener: (payload: unknown) => void;
  /** Set once a live payload reached this listener, so a stale replay is skipped. */
  current: boolean;
  active: boolean;
}

/**
 * The RawBridge exposed as window.loopdesk. Only allow-listed names pass; the
 * IpcRendererEvent never reaches the page (listeners get the payload alone); errors come
 * back as IpcResult values, as from the main process.
 *
 * A new subscriber also receives the latest payload of its event (after subscribe returns,
 * unless a fresher one arrived first). The main process starts sending when the DOM is
 * ready, which can be before React has run the effects that subscribe; without the replay,
 * a view mounted late would not know the vault or sync status until the next change.
 */
export function createRawBridge(
  ipc: IpcRendererLike,
  allow: BridgeAllowList,
  reportError: (error: unknown) => void = (error) => {
    console.error('[loopdesk] event listener failed', error);
  },
): RawBridge {
  const subscriptions = new Map<string, Set<Subscription>>();
  const latest = new Map<string, unknown>();

  const deliver = (subscription: Subscription, payload: unknown): void => {
    try {
      subscription.listener(payload);
    } catch (error) {
      reportError(error); // one failing view must not starve the others
    }
  };

  ipc.on(EVENT_CHANNEL, (_event, name, payload) => {
    if (typeof name !== 'string' || !allow.events.has(name)) return;
    latest.set(name, payload);
    for (const subscription of subscriptions.get(name) ?? []) {
      subscription.current = true;
      deliver(subscription, payload);
    }
  });

  return {
    invoke(channel, request) {
      // The types say string, but the page can pass anything: check what actually arrived.
      const name: unknown = channel;
      if (typeof name !== 'string' || !allow.channels.has(name)) {
        return Promise.resolve(fail('unknown_channel', `Unknown channel: ${String(name).slice(0, 100)}`));
      }
      let pending: Promise<unknown>;
      try {
        pending = ipc.invoke(INVOKE_CHANNEL, channel, request);
      } catch {
        // Thrown synchronously when the request cannot be structured-cloned.
        return Promise.resolve(fail('invalid_input', `The request for ${channel} cannot be sent to Loopdesk.`));
      }
      return pending.catch(() => fail('unavailable', 'Loopdesk is not ready to answer yet. Try again in a moment.'));
    },

    subscribe(event, listener) {
      const name: unknown = event;
      const callback: unknown = listener;
      if (typeof name !== 'string' || !allow.events.has(name)) {
        throw new Error(`Unknown event: ${String(name).slice(0, 100)}`);
      }
      if (typeof callback !== 'function') throw new TypeError('The listener must be a function');
      const subscription: Subscription = { listener, current: false, active: true };
      let set = subscriptions.get(event);
      if (set === undefined) {
        set = new Set();
        subscriptions.set(event, set);
      }
      set.add(subscription);
      if (latest.has(event)) {
        const payload = latest.get(event);
        void Promise.resolve().then(() => {
          if (subscription.active && !subscription.current) deliver(subscription, payload);
        });
      }
      return () => {
        subscription.active = false;
        subscriptions.get(event)?.delete(subscription);
      };
    },
  };
}
