// The one place that names the SQLite binding, so the rest of the core says `Db` and a
// future switch (another cipher build, node:sqlite) touches a single import.
import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;
export type Statement<Params extends unknown[] | object = unknown[], Row = unknown> = Database.Statement<Params, Row>;

export const SqliteError = Database.SqliteError;
export type SqliteError = InstanceType<typeof Database.SqliteError>;

export function createConnection(file: string): Db {
  // fileMustExist: the caller has already created the file with mode 0600; letting SQLite
  // create it would use the process umask (usually 0644).
  return new Database(file, { fileMustExist: true });
}
