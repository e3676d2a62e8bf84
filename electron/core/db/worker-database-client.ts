// The main thread's end of the database worker: posts {id, op, args} and resolves the
// matching reply. If the worker dies, every pending and later call fails with a typed error
// instead of hanging.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  closedError,
  settleReply,
  type CallOptions,
  type DatabaseClient,
  type DatabaseClientOptions,
} from './database-client.js';
import { DatabaseError } from './errors.js';
import type { OperationArgs, OperationName, OperationResult } from './worker/operations.js';
import type { WorkerReply, WorkerRequest } from './worker/protocol.js';

export interface WorkerDatabaseClientOptions extends DatabaseClientOptions {
  /** The bundled worker script: shells pass path.join(__dirname, 'db-worker.cjs'). */
  readonly workerPath: string;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: DatabaseError): void;
}

export class WorkerDatabaseClient implements DatabaseClient {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: DatabaseError | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.pending.get(reply.id);
      if (pending === undefined) return;
      this.pending.delete(reply.id);
      try {
        pending.resolve(settleReply(reply));
      } catch (error) {
        pending.reject(error as DatabaseError);
      }
    });
    worker.on('error', () => {
      this.fail(new DatabaseError('worker_failed', 'The local cache stopped unexpectedly. Restart Loopdesk.'));
    });
    worker.on('messageerror', () => {
      this.fail(new DatabaseError('worker_failed', 'The local cache sent an unreadable reply. Restart Loopdesk.'));
    });
    worker.on('exit', () => {
      this.fail(closedError());
    });
  }

  /** Starts the worker and opens the database in it; rejects with a DatabaseOpenError. */
  static async open(options: WorkerDatabaseClientOptions): Promise<WorkerDatabaseClient> {
    const client = new WorkerDatabaseClient(new Worker(options.workerPath));
    // A fresh buffer, moved (not copied) to the worker, which wipes it after keying.
    const key = new Uint8Array(options.key);
    try {
      await client.post(
        { id: client.nextId++, op: 'open', args: { file: options.file, key, busyTimeoutMs: options.busyTimeoutMs } },
        [key.buffer],
      );
    } catch (error) {
      await client.worker.terminate();
      throw error;
    }
    return client;
  }

  async call<K extends OperationName>(
    op: K,
    args: OperationArgs<K>,
    options: CallOptions = {},
  ): Promise<OperationResult<K>> {
    return (await this.post({ id: this.nextId++, op, args }, options.transfer)) as OperationResult<K>;
  }

  async close(): Promise<void> {
    if (this.failure !== null) return;
    try {
      await this.post({ id: this.nextId++, op: 'close', args: {} });
    } finally {
      this.fail(closedError());
      await this.worker.terminate();
    }
  }

  private post(request: WorkerRequest, transfer: readonly ArrayBuffer[] = []): Promise<unknown> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request, transfer);
    });
  }

  private fail(error: DatabaseError): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(this.failure);
    this.pending.clear();
  }
}

/**
 * Where scripts/build.mjs puts the worker: next to the bundle that runs the core (both
 * shells are bundled into dist/node). Only meaningful inside such a CommonJS bundle.
 */
export function bundledDbWorkerPath(): string {
  if (typeof __dirname === 'undefined') {
    throw new Error('The database worker path is only known inside the bundle: pass dbWorkerPath');
  }
  return path.join(__dirname, 'db-worker.cjs');
}
