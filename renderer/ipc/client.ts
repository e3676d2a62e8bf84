// The renderer's typed view of window.loopdesk. Requests are typed from the contract;
// event payloads are validated on arrival, since they cross a process boundary.
import type { LoopdeskBridge, RawBridge } from '../../common/ipc/bridge.js';
import type { ChannelName, ChannelRequest, ChannelResponse } from '../../common/ipc/contract.js';
import { IPC_EVENTS, type EventName, type EventPayload } from '../../common/ipc/events.js';
import type { IpcResult } from '../../common/ipc/result.js';
import { createSocketBridge, takeBrowserModeToken } from './socket-bridge.js';

export function typedBridge(raw: RawBridge): LoopdeskBridge {
  return {
    invoke: <C extends ChannelName>(channel: C, request: ChannelRequest<C>) =>
      raw.invoke(channel, request) as Promise<IpcResult<ChannelResponse<C>>>,
    subscribe: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) =>
      raw.subscribe(event, (payload) => {
        const parsed = IPC_EVENTS[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<E>);
        else console.warn(`Dropped a malformed ${event} event`, parsed.error);
      }),
  };
}

export class NoBridgeError extends Error {}

function rawBridge(): RawBridge {
  if (window.loopdesk) return window.loopdesk;
  const token = takeBrowserModeToken();
  if (token === null) {
    throw new NoBridgeError('Open Loopdesk with the address printed by `npm start` (it carries the access token).');
  }
  const socketUrl = `ws://${window.location.host}/ipc?token=${encodeURIComponent(token)}`;
  return createSocketBridge(socketUrl);
}

let bridge: LoopdeskBridge | undefined;

export function loopdesk(): LoopdeskBridge {
  bridge ??= typedBridge(rawBridge());
  return bridge;
}

/** Unwraps a result for callers that show the error message themselves. */
export async function call<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<ChannelResponse<C>> {
  const result = await loopdesk().invoke(channel, request);
  if (result.ok) return result.value;
  throw new IpcCallError(result.error.code, result.error.message);
}

export class IpcCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IpcCallError';
  }
}
