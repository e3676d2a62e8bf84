// Demo mode, the default when no API is configured: the reference ingestion API runs inside
// the app on 127.0.0.1 with a generated, realistic data set, in a worker thread of its own
// (demo-server-worker.ts). Both shells start it through here; the core only sees the
// DemoServer shape (it may not import server/).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DemoServer } from './core/session/demo-server.js';
import type { DemoWorkerData, DemoWorkerMessage } from './demo-server-worker.js';

/** About a busy team's year of feedback: enough to feel real, quick to generate (~1–2 s). */
export const DEMO_RESPONSES = 20_000;
export const DEMO_SERVER_FILE = 'demo-server.sqlite';

export function demoResponseCount(env: NodeJS.ProcessEnv = process.env): number {
  const requested = Number(env.LOOPDESK_DEMO_RESPONSES ?? DEMO_RESPONSES);
  return Number.isInteger(requested) && requested > 0 ? requested : DEMO_RESPONSES;
}

/**
 * Keeps the demo server's data in the profile, so work done in demo mode survives a restart.
 * LOOPDESK_DEMO_RESPONSES overrides the size (tests, benchmarks).
 */
export function startEmbeddedDemoServer(
  profileDir: string,
  workerPath = path.join(__dirname, 'demo-server.cjs'),
  env: NodeJS.ProcessEnv = process.env,
): Promise<DemoServer> {
  const data: DemoWorkerData = { dbFile: path.join(profileDir, DEMO_SERVER_FILE), responses: demoResponseCount(env) };
  const worker = new Worker(workerPath, { workerData: data });
  return new Promise((resolve, reject) => {
    const onFirst = (message: DemoWorkerMessage): void => {
      switch (message.type) {
        case 'ready':
          resolve({ url: message.url, staff: message.staff, close: () => closeWorker(worker) });
          return;
        case 'failed':
          void worker.terminate();
          reject(new Error(`The demo server could not start: ${message.message}`));
          return;
        case 'closed':
          return;
      }
    };
    worker.once('message', onFirst);
    worker.once('error', reject);
  });
}

function closeWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    worker.on('message', (message: DemoWorkerMessage) => {
      if (message.type === 'closed') void worker.terminate().then(() => { resolve(); });
    });
    worker.once('exit', () => {
      resolve();
    });
    worker.postMessage('close');
  });
}
