// The main-process end of window.loopdesk: one ipcMain.handle channel that checks who is
// asking before the core sees the request, and the event forwarder that pushes core events
// to the window. Both take Electron objects as parameters so they are tested with fakes.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from './core/ipc/handler-table.js';
import type { EventSink } from './core/events.js';
import { fail, type IpcResult } from '../common/ipc/result.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './security/bridge-policy.js';

export interface InvokeHandlerOptions {
  readonly dispatch: Dispatch;
  /** Sender-frame validation (security/sender.ts isTrustedSender against the window). */
  readonly isTrusted: (event: IpcMainInvokeEvent) => boolean;
  /** Told about refused senders: a refusal means a bug or an attack, worth a log line. */
  readonly onRefused?: (event: IpcMainInvokeEvent) => void;
}

/** Registers the single invoke channel; returns the function that removes it. */
export function registerInvokeHandler(
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'>,
  options: InvokeHandlerOptions,
): () => void {
  ipc.handle(INVOKE_CHANNEL, async (event, channel: unknown, request: unknown): Promise<IpcResult<unknown>> => {
    if (!options.isTrusted(event)) {
      options.onRefused?.(event);
      // A value, not a throw: Electron would log a thrown error with the request attached.
      return fail('forbidden', 'This page is not allowed to talk to Loopdesk.');
    }
    return options.dispatch(channel, request);
  });
  return () => {
    ipc.removeHandler(INVOKE_CHANNEL);
  };
}

/** The webContents surface the forwarder uses (a fake in tests). */
export interface EventTargetContents {
  on(event: 'dom-ready' | 'destroyed', listener: () => void): unknown;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface EventSource {
  connect(sink: EventSink): () => void;
}

/**
 * Sends every core event to the window as (EVENT_CHANNEL, name, payload). The sink is
 * (re)connected each time a document is ready — the preload is then listening — so a
 * reload gets the latest state replayed by the event bus; it is removed with the window.
 */
export function forwardEventsToContents(events: EventSource, contents: EventTargetContents): void {
  let disconnect: (() => void) | undefined;
  const stop = (): void => {
    disconnect?.();
    disconnect = undefined;
  };
  contents.on('dom-ready', () => {
    stop();
    disconnect = events.connect((name, payload) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
    });
  });
  contents.on('destroyed', stop);
}
