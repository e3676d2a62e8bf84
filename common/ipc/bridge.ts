// The one object the page sees: window.loopdesk. The preload (Electron) and the browser-mode
// socket client both implement it.
import type { ChannelName, ChannelRequest, ChannelResponse } from './contract.js';
import type { EventName, EventPayload } from './events.js';
import type { IpcResult } from './result.js';

export interface LoopdeskBridge {
  invoke<C extends ChannelName>(channel: C, request: ChannelRequest<C>): Promise<IpcResult<ChannelResponse<C>>>;
  /** Returns the unsubscribe function. */
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The raw, untyped form that crosses the Electron context bridge. */
export interface RawBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}
