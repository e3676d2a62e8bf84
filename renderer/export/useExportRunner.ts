// Runs an export as the core expects it (common/ipc/channels/export.ts): start, then one
// `export:next` per chunk until done, so the dialog can show progress and cancel between
// chunks. In browser mode the chunks come back and are saved as one download at the end; in
// the desktop app the core writes the file the save dialog chose.
import { useCallback, useRef, useState } from 'react';
import type { ExportRequest } from '../../common/ipc/channels/export.js';
import { call } from '../ipc/client.js';

export type ExportState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'running' | 'cancelling';
      readonly fileName: string;
      readonly rows: number;
      readonly total: number;
    }
  | { readonly phase: 'done'; readonly fileName: string; readonly rows: number; readonly delivery: 'file' | 'download' }
  | { readonly phase: 'cancelled' }
  | { readonly phase: 'failed'; readonly message: string };

function base64Bytes(chunk: string): Uint8Array<ArrayBuffer> {
  const binary = atob(chunk);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves the bytes as a download (browser mode): an object URL on a temporary link. */
function saveDownload(parts: readonly Uint8Array<ArrayBuffer>[], fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([...parts], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}

export interface ExportRunner {
  readonly state: ExportState;
  readonly run: (request: ExportRequest) => Promise<void>;
  /** Stops after the chunk in flight; the core then deletes what it wrote. */
  readonly cancel: () => void;
  readonly reset: () => void;
}

export function useExportRunner(): ExportRunner {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const cancelled = useRef(false);
  // Read through a function: the flag changes while run() awaits.
  const cancelRequested = useCallback(() => cancelled.current, []);

  const run = useCallback(
    async (request: ExportRequest) => {
      cancelled.current = false;
      try {
        const started = await call('export:start', request);
        if (!started.started) {
          setState({ phase: 'idle' });
          return;
        }
        setState({ phase: 'running', fileName: started.fileName, rows: 0, total: started.total });
        const parts: Uint8Array<ArrayBuffer>[] = [];
        for (;;) {
          if (cancelRequested()) {
            await call('export:cancel', { exportId: started.exportId });
            setState({ phase: 'cancelled' });
            return;
          }
          const step = await call('export:next', { exportId: started.exportId });
          if (step.chunk !== null) parts.push(base64Bytes(step.chunk));
          if (step.done) {
            if (started.delivery === 'download') saveDownload(parts, started.fileName, started.mimeType);
            setState({ phase: 'done', fileName: started.fileName, rows: step.rows, delivery: started.delivery });
            return;
          }
          setState((s) => (s.phase === 'running' ? { ...s, rows: step.rows, total: step.total } : s));
        }
      } catch (error) {
        setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [cancelRequested],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    setState((s) => (s.phase === 'running' ? { ...s, phase: 'cancelling' } : s));
  }, []);

  const reset = useCallback(() => {
    setState({ phase: 'idle' });
  }, []);

  return { state, run, cancel, reset };
}
