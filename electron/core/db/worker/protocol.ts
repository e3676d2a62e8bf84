// The messages between the main thread and the database worker. Failures travel as
// {code, message} values: a stack trace or an SQL text never leaves the worker.
import type { SerializedDatabaseError } from '../errors.js';
import type { NoArgs, OperationName } from './operations.js';

export interface OpenArgs {
  readonly file: string;
  /** A copy of the 32-byte key, wiped by the worker once the database is keyed. */
  readonly key: Uint8Array;
  readonly busyTimeoutMs?: number;
}

export type WorkerRequest =
  | { readonly id: number; readonly op: 'open'; readonly args: OpenArgs }
  | { readonly id: number; readonly op: 'close'; readonly args: NoArgs }
  | { readonly id: number; readonly op: OperationName; readonly args: unknown };

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: SerializedDatabaseError };
