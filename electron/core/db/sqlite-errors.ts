// Turns whatever a database call threw into a DatabaseError with a sentence a user can act
// on. SQLite's own messages can quote schema details, so only its error code is kept.
import { DatabaseError, ioErrorMessage } from './errors.js';
import { SqliteError } from './sqlite.js';

const IO_CODE_PREFIXES = ['SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_NOLFS'];

export function isSqliteIoError(code: string): boolean {
  return IO_CODE_PREFIXES.some((prefix) => code.startsWith(prefix));
}

export function toDatabaseError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  if (error instanceof SqliteError) {
    const code = error.code;
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return new DatabaseError('busy', 'The local cache is busy. Try again in a moment.');
    }
    if (code === 'SQLITE_FULL') {
      return new DatabaseError('disk_full', 'The disk is full: Loopdesk could not save to its local cache.');
    }
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      return new DatabaseError('constraint', `The local cache refused inconsistent data (${code}).`);
    }
    if (isSqliteIoError(code)) return new DatabaseError('internal', ioErrorMessage(code));
    return new DatabaseError('internal', `The local cache reported an error (${code}).`);
  }
  return new DatabaseError('internal', 'Something went wrong in Loopdesk’s local cache.');
}
