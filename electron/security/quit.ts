// Quitting closes the core (database, sync, demo server) before the process exits, so the
// WAL is checkpointed and no write is cut off. Electron does not await async listeners, so
// the first quit attempt is held back (preventDefault), the core is closed, and quit is
// called again. A close that hangs or fails must never keep the app alive: it is bounded by
// a timeout and logged.
export interface QuitCoordinatorOptions {
  readonly close: () => Promise<void>;
  /** app.quit(); called once the core is closed. */
  readonly quit: () => void;
  readonly logError: (context: string, error: unknown) => void;
  readonly timeoutMs?: number;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export function createQuitCoordinator(options: QuitCoordinatorOptions): (event: PreventableEvent) => void {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let state: 'running' | 'closing' | 'closed' = 'running';

  const closeWithin = async (): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`The core did not close within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      await Promise.race([options.close(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  return (event) => {
    switch (state) {
      case 'closed':
        return; // the second pass: let Electron quit
      case 'closing':
        event.preventDefault(); // a repeated quit while closing waits for the same close
        return;
      case 'running':
        event.preventDefault();
        state = 'closing';
        void closeWithin()
          .catch((error: unknown) => {
            options.logError('closing the core on quit', error);
          })
          .finally(() => {
            state = 'closed';
            options.quit();
          });
        return;
    }
  };
}
