// The composition root of the core: builds the handler table and the event bus from the
// services the shell injects. Both shells (electron/main.ts and electron/host) call this, so
// the renderer talks to exactly the same code either way.
import { createHandlerTable, type Dispatch, type HandlerMap } from '../ipc/handler-table.js';
import { appHandlers } from '../ipc/handlers/app-handlers.js';
import { EventBus } from '../events.js';
import type { ShellServices } from './shell-services.js';

export interface LoopdeskCore {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  close(): Promise<void>;
}

export function createCore(shell: ShellServices): LoopdeskCore {
  const events = new EventBus();
  const handlers: HandlerMap = {
    ...appHandlers(shell),
  };
  const dispatch = createHandlerTable(handlers, {
    onInternalError: (channel, error) => {
      shell.logError(`ipc ${channel}`, error);
    },
  });
  return {
    dispatch,
    events,
    close: () => Promise.resolve(),
  };
}
