// Brings a freshly keyed database to the app's schema. All pending steps run in one
// transaction, with user_version set inside it, so a failure part-way leaves the schema and
// its version exactly as they were and the next start tries again from the same point.
import { DatabaseOpenError, migrationFailedMessage, newerSchemaMessage } from './errors.js';
import type { Migration } from './migrations/index.js';
import type { Db } from './sqlite.js';

export function readSchemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function latestSchemaVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Read-only: safe to call before anything has been written to the file. */
export function assertSchemaNotNewer(db: Db, migrations: readonly Migration[]): void {
  const found = readSchemaVersion(db);
  const supported = latestSchemaVersion(migrations);
  if (found > supported) throw new DatabaseOpenError('newer_schema', newerSchemaMessage(found, supported));
}

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
}

export function runMigrations(db: Db, migrations: readonly Migration[]): MigrationOutcome {
  assertNumberedInOrder(migrations);
  assertSchemaNotNewer(db, migrations);
  const from = readSchemaVersion(db);
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const migration of pending) {
      try {
        migration.up(db);
      } catch (error) {
        throw new DatabaseOpenError('migration_failed', migrationFailedMessage(migration.version, migration.name), {
          cause: error,
        });
      }
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return { from, to: readSchemaVersion(db) };
}

function assertNumberedInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
}
