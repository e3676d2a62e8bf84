// Entry point of the database worker thread (bundled to dist/node/db-worker.cjs). All
// SQLite work happens here, so a million-row bootstrap never blocks the Electron main
// thread. Requests are handled one at a time, in arrival order: there is one writer.
import { parentPort } from 'node:worker_threads';
import { DatabaseSession } from './database-session.js';
import type { WorkerRequest } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('db-worker must run in a worker thread');

const session = new DatabaseSession();
port.on('message', (request: WorkerRequest) => {
  port.postMessage(session.handle(request));
});
