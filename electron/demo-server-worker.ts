// Worker-thread entry of the embedded demo server. The reference server's SQLite work is
// synchronous, so it runs here rather than in the thread that serves the window: demo data
// generation and every request would otherwise stall the UI's IPC.
import { parentPort, workerData } from 'node:worker_threads';
import { startReferenceServer } from '../server/index.js';

export interface DemoWorkerData {
  readonly dbFile: string;
  readonly responses: number;
}

export type DemoWorkerMessage =
  | {
      readonly type: 'ready';
      readonly url: string;
      readonly staff: readonly { id: string; name: string; role: 'agent' | 'manager'; token: string }[];
    }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'closed' };

const port = parentPort;
if (port === null) throw new Error('demo-server-worker must run in a worker thread');
const { dbFile, responses } = workerData as DemoWorkerData;

const post = (message: DemoWorkerMessage): void => {
  port.postMessage(message);
};

startReferenceServer({ host: '127.0.0.1', port: 0, dbFile, demo: { responses } }).then(
  (server) => {
    port.on('message', (message: unknown) => {
      if (message === 'close') {
        void server.close().then(() => {
          post({ type: 'closed' });
        });
      }
    });
    post({
      type: 'ready',
      url: server.url,
      staff: server.staff.map(({ id, name, role, token }) => ({ id, name, role, token })),
    });
  },
  (error: unknown) => {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  },
);
