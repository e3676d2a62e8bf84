// The worker's side of the protocol: one connection, opened and closed by request, and the
// registry's operations run against it. The in-process client uses the same class, so tests
// and benchmarks exercise exactly the code the worker runs.
import { DatabaseError } from '../errors.js';
import { openDatabase } from '../open-database.js';
import { toDatabaseError } from '../sqlite-errors.js';
import type { Db } from '../sqlite.js';
import { DB_OPERATIONS, isOperationName } from './operations.js';
import type { OpenArgs, WorkerReply, WorkerRequest } from './protocol.js';

export class DatabaseSession {
  private db: Db | null = null;

  handle(request: WorkerRequest): WorkerReply {
    try {
      return { id: request.id, ok: true, value: this.run(request) };
    } catch (error) {
      return { id: request.id, ok: false, error: toDatabaseError(error).toJSON() };
    }
  }

  private run(request: WorkerRequest): unknown {
    if (request.op === 'open') {
      this.open(request.args);
      return null;
    }
    if (request.op === 'close') {
      this.db?.close();
      this.db = null;
      return null;
    }
    const op: string = request.op;
    if (!isOperationName(op)) throw new DatabaseError('unknown_operation', `Unknown database operation: ${op}`);
    if (this.db === null) throw new DatabaseError('not_open', 'The local cache is not open.');
    const operation = DB_OPERATIONS[op] as (db: Db, args: unknown) => unknown;
    return operation(this.db, request.args);
  }

  private open(args: OpenArgs): void {
    try {
      if (this.db !== null) throw new DatabaseError('already_open', 'The local cache is already open.');
      this.db = openDatabase({ file: args.file, key: args.key, busyTimeoutMs: args.busyTimeoutMs });
    } finally {
      args.key.fill(0);
    }
  }
}
