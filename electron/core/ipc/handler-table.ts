// The IPC handler table: the one place where requests from the page enter the main process,
// in Electron (ipcMain.handle) and in browser mode (the host's WebSocket) alike. Every
// request is validated with the channel's zod schema before a handler sees it, and every
// outcome is returned as a value ({ok, value} | {ok: false, error}), never thrown.
import type { z } from 'zod';
import {
  IPC_CHANNELS,
  isChannelName,
  type ChannelName,
  type ChannelResponse,
} from '../../../common/ipc/contract.js';
import { fail, ok, type IpcErrorCode, type IpcResult } from '../../../common/ipc/result.js';

/** A handler receives the validated request (zod's output type). */
export type Handler<C extends ChannelName> = (
  request: z.output<(typeof IPC_CHANNELS)[C]['request']>,
) => Promise<ChannelResponse<C>> | ChannelResponse<C>;

export type HandlerMap = { readonly [C in ChannelName]: Handler<C> };

/** Thrown by handlers for failures the user should read; anything else becomes 'internal'. */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}

export type Dispatch = (channel: unknown, request: unknown) => Promise<IpcResult<unknown>>;

export interface HandlerTableOptions {
  /** Where unexpected errors are reported (the user sees a generic message). */
  readonly onInternalError?: (channel: string, error: unknown) => void;
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function createHandlerTable(handlers: HandlerMap, options: HandlerTableOptions = {}): Dispatch {
  return async (channel, request) => {
    if (!isChannelName(channel)) {
      return fail('unknown_channel', `Unknown channel: ${String(channel).slice(0, 100)}`);
    }
    const parsed = IPC_CHANNELS[channel].request.safeParse(request);
    if (!parsed.success) {
      return fail('invalid_input', `Invalid request for ${channel}: ${describeZodError(parsed.error)}`);
    }
    try {
      const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof IpcFailure) return fail(error.code, error.message);
      options.onInternalError?.(channel, error);
      return fail('internal', 'Something went wrong in Loopdesk. The error was logged.');
    }
  };
}
