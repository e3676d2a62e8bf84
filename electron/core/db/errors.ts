// Database failures as typed values. They cross the worker boundary as {code, message} and
// reach the user through the vault and the IPC layer, so every message is written for the
// person at the keyboard, not for a developer.

export const DATABASE_OPEN_ERROR_CODES = [
  'wrong_key',
  'not_encrypted',
  'newer_schema',
  'corrupt',
  'migration_failed',
  'io',
] as const;
export type DatabaseOpenErrorCode = (typeof DATABASE_OPEN_ERROR_CODES)[number];

export const DATABASE_RUNTIME_ERROR_CODES = [
  'not_open',
  'already_open',
  'unknown_operation',
  'busy',
  'disk_full',
  'constraint',
  'worker_failed',
  'closed',
  'internal',
] as const;
export type DatabaseRuntimeErrorCode = (typeof DATABASE_RUNTIME_ERROR_CODES)[number];

export type DatabaseErrorCode = DatabaseOpenErrorCode | DatabaseRuntimeErrorCode;

/** What crosses the worker boundary: no stack, no SQL, nothing but a code and a sentence. */
export interface SerializedDatabaseError {
  readonly code: DatabaseErrorCode;
  readonly message: string;
}

export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }

  toJSON(): SerializedDatabaseError {
    return { code: this.code, message: this.message };
  }
}

/** The profile's database cannot be used; nothing in it was changed. */
export class DatabaseOpenError extends DatabaseError {
  declare readonly code: DatabaseOpenErrorCode;

  constructor(code: DatabaseOpenErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
    this.name = 'DatabaseOpenError';
  }
}

export function isDatabaseOpenErrorCode(code: string): code is DatabaseOpenErrorCode {
  return (DATABASE_OPEN_ERROR_CODES as readonly string[]).includes(code);
}

/** Rebuilds the right class on the receiving side of the worker boundary. */
export function deserializeDatabaseError(error: SerializedDatabaseError): DatabaseError {
  return isDatabaseOpenErrorCode(error.code)
    ? new DatabaseOpenError(error.code, error.message)
    : new DatabaseError(error.code, error.message);
}

export const OPEN_ERROR_MESSAGES = {
  wrong_key:
    'The local cache could not be unlocked: its key does not match this profile’s database. ' +
    'Nothing was changed. If this profile was copied from another computer, remove it and sync again.',
  not_encrypted:
    'The profile contains an unencrypted database where Loopdesk expects its encrypted cache. ' +
    'Loopdesk will not use it. Remove it and sync again.',
  corrupt:
    'The local cache is damaged and cannot be read. Nothing was changed. ' +
    'Remove the profile’s cache and Loopdesk will download your data again.',
} as const satisfies Partial<Record<DatabaseOpenErrorCode, string>>;

export function newerSchemaMessage(found: number, supported: number): string {
  return (
    `This profile was written by a newer Loopdesk (cache format ${found}; this version reads up to ${supported}). ` +
    'Update Loopdesk to open it. Nothing was changed.'
  );
}

export function ioErrorMessage(sqliteCode: string): string {
  return (
    `Loopdesk could not read or write its local cache (${sqliteCode}). ` +
    'Check that the disk has free space and that the profile folder is accessible.'
  );
}

export function migrationFailedMessage(version: number, name: string): string {
  return `Loopdesk could not upgrade its local cache (step ${version}, ${name}). Nothing was changed.`;
}
