// Vault and database failures as the renderer receives them: an IpcFailure with a code it
// branches on ('wrong_passphrase', 'locked', …) and a sentence it can show as is; anything
// unexpected is left to the handler table, which logs it and says "internal". Every
// handler module runs its database work through explained().
import type { IpcErrorCode } from '../../../../common/ipc/result.js';
import { DatabaseError, type DatabaseErrorCode } from '../../db/errors.js';
import { VaultError, type VaultErrorCode } from '../../vault/vault-errors.js';
import { IpcFailure } from '../handler-table.js';

const VAULT_FAILURES: Readonly<Record<VaultErrorCode, IpcErrorCode>> = {
  wrong_passphrase: 'wrong_passphrase',
  locked: 'locked',
  not_created: 'locked',
  already_created: 'invalid_input',
  passphrase_too_short: 'invalid_input',
  passphrase_required: 'invalid_input',
  keychain_required: 'invalid_input',
  keychain_unavailable: 'unavailable',
  key_file_invalid: 'unavailable',
};

/** null: a bug or an unexpected state, reported as 'internal' and logged. */
const DATABASE_FAILURES: Readonly<Record<DatabaseErrorCode, IpcErrorCode | null>> = {
  wrong_key: 'unavailable',
  not_encrypted: 'unavailable',
  newer_schema: 'unavailable',
  corrupt: 'unavailable',
  migration_failed: 'unavailable',
  io: 'unavailable',
  disk_full: 'unavailable',
  busy: 'unavailable',
  worker_failed: 'unavailable',
  closed: 'locked',
  not_open: 'locked',
  already_open: null,
  unknown_operation: null,
  constraint: null,
  internal: null,
};

/** The IpcFailure a vault or database error should reach the renderer as, if any. */
export function toIpcFailure(error: unknown): IpcFailure | null {
  if (error instanceof VaultError) return new IpcFailure(VAULT_FAILURES[error.code], error.message);
  if (error instanceof DatabaseError) {
    const code = DATABASE_FAILURES[error.code];
    return code === null ? null : new IpcFailure(code, error.message);
  }
  return null;
}

/** Runs a handler's work so that a locked vault or a database failure reaches the renderer typed. */
export async function explained<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toIpcFailure(error) ?? error;
  }
}
