// Entry point of the page parser thread (bundled to dist/node/page-parser-worker.cjs, next
// to db-worker.cjs): parses and validates change-feed pages (parse-page.ts), one request at
// a time, so the database worker only writes.
import { parentPort } from 'node:worker_threads';
import { parseChangesPage } from './parse-page.js';
import type { PageParserReply, PageParserRequest } from './worker-page-parser.js';

const port = parentPort;
if (port === null) throw new Error('page-parser-worker must run in a worker thread');

port.on('message', (request: PageParserRequest) => {
  let reply: PageParserReply;
  try {
    reply = { id: request.id, ok: true, page: parseChangesPage(request.body) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
