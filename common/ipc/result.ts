// Errors cross the IPC boundary as values, never as thrown exceptions.
export const IPC_ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'locked',
  'wrong_passphrase',
  'not_found',
  'forbidden',
  'unavailable',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
}

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}
