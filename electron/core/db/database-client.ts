// How the rest of the core talks to the database: call(op, args) with the registry's types,
// answered asynchronously. WorkerDatabaseClient runs the operations on a worker thread (the
// app); InProcessDatabaseClient runs the same session on the calling thread (tests,
// benchmarks, scripts), with the same structured-clone and error semantics.
import { deserializeDatabaseError, DatabaseError } from './errors.js';
import { DatabaseSession } from './worker/database-session.js';
import type { OperationArgs, OperationName, OperationResult } from './worker/operations.js';
import type { WorkerReply, WorkerRequest } from './worker/protocol.js';

/** How a call's arguments travel to the worker. */
export interface CallOptions {
  /**
   * Buffers inside args that are moved, not copied, to the worker (postMessage's transfer
   * list): a change-feed page of megabytes crosses without a copy, and the caller's buffer
   * is detached afterwards.
   */
  readonly transfer?: readonly ArrayBuffer[];
}

export interface DatabaseClient {
  /** Rejects with a DatabaseError (or DatabaseOpenError) carrying a typed code. */
  call<K extends OperationName>(op: K, args: OperationArgs<K>, options?: CallOptions): Promise<OperationResult<K>>;
  /** Closes the database; later calls reject with code 'closed'. */
  close(): Promise<void>;
}

export interface DatabaseClientOptions {
  readonly file: string;
  /** Copied: the caller may wipe its key as soon as the promise settles. */
  readonly key: Uint8Array;
  readonly busyTimeoutMs?: number;
}

/** What the vault is given to open the cache once it has the key. */
export type OpenDatabaseClient = (options: DatabaseClientOptions) => Promise<DatabaseClient>;

export function settleReply(reply: WorkerReply): unknown {
  if (reply.ok) return reply.value;
  throw deserializeDatabaseError(reply.error);
}

export function closedError(): DatabaseError {
  return new DatabaseError('closed', 'The local cache is closed.');
}

export class InProcessDatabaseClient implements DatabaseClient {
  private nextId = 1;
  private closed = false;

  private constructor(private readonly session: DatabaseSession) {}

  static async open(options: DatabaseClientOptions): Promise<InProcessDatabaseClient> {
    const client = new InProcessDatabaseClient(new DatabaseSession());
    const key = new Uint8Array(options.key);
    try {
      await client.request({
        id: client.nextId++,
        op: 'open',
        args: { file: options.file, key, busyTimeoutMs: options.busyTimeoutMs },
      });
    } finally {
      key.fill(0);
    }
    return client;
  }

  async call<K extends OperationName>(
    op: K,
    args: OperationArgs<K>,
    options: CallOptions = {},
  ): Promise<OperationResult<K>> {
    if (this.closed) throw closedError();
    return (await this.request({ id: this.nextId++, op, args }, options.transfer)) as OperationResult<K>;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.request({ id: this.nextId++, op: 'close', args: {} });
  }

  private request(request: WorkerRequest, transfer: readonly ArrayBuffer[] = []): Promise<unknown> {
    // Cloned both ways, as postMessage would: a result that could not cross to the worker
    // fails here too, and callers cannot share mutable state with the session. Transferred
    // buffers are detached on the caller's side, as postMessage detaches them.
    const sent = structuredClone(request, { transfer: [...transfer] });
    return Promise.resolve().then(() => settleReply(structuredClone(this.session.handle(sent))));
  }
}
