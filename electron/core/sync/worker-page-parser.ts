// The main thread's end of the page parser thread (page-parser-worker.ts). Started on first
// use and unref'd, so an idle parser keeps nothing alive; if it dies, the pending parses
// fail and the next one starts a new thread.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PageParser } from './page-parser.js';
import type { ParsedPage } from './parse-page.js';

export interface PageParserRequest {
  readonly id: number;
  readonly body: ArrayBuffer;
}

export type PageParserReply =
  | { readonly id: number; readonly ok: true; readonly page: ParsedPage }
  | { readonly id: number; readonly ok: false; readonly message: string };

interface Pending {
  resolve(page: ParsedPage): void;
  reject(error: Error): void;
}

/** Where scripts/build.mjs puts the parser: beside the database worker. */
export function pageParserWorkerPath(dbWorkerPath: string): string {
  return path.join(path.dirname(dbWorkerPath), 'page-parser-worker.cjs');
}

export class WorkerPageParser implements PageParser {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly workerPath: string) {}

  parse(body: ArrayBuffer): Promise<ParsedPage> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<ParsedPage>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, body } satisfies PageParserRequest, [body]);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('The page parser was closed.'));
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.unref();
    worker.on('message', (reply: PageParserReply) => {
      const pending = this.pending.get(reply.id);
      if (pending === undefined) return;
      this.pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.page);
      else pending.reject(new Error(`The change feed page could not be read: ${reply.message}`));
    });
    const stopped = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    };
    worker.on('error', (error) => {
      stopped(new Error(`The page parser stopped: ${error.message}`));
    });
    worker.on('exit', () => {
      stopped(new Error('The page parser stopped.'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
