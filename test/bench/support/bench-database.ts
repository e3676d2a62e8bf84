// An encrypted cache filled with synthetic feedback through the db writers (applyChanges),
// as sync would fill it, cached under .tmp/ between runs: generating a million responses
// and their full-text index takes minutes. The file is keyed by seed, count, generator
// version and the text of the migrations, so a schema change rebuilds it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/open-database.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { GENERATOR_VERSION, SYNTHETIC_ME, syntheticChangePages, type GeneratorOptions } from './synthetic-feedback.js';

export interface BenchDatabase {
  readonly file: string;
  readonly key: Buffer;
  /** The instant the data was generated against: "now" for overdue and today's filters. */
  readonly now: number;
}

const MIGRATIONS_DIR = 'electron/core/db/migrations';
const CACHE_DIR = '.tmp/bench-db';
/** A fixed "now" so the cached data means the same thing on every run. */
export const BENCH_EPOCH = Date.parse('2026-03-02T10:00:00Z');

function schemaFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(readFileSync(path.join(MIGRATIONS_DIR, file)));
  return hash.digest('hex').slice(0, 12);
}

/** Derived from the seed: the bench cache holds only synthetic data. */
function keyFor(seed: number): Buffer {
  return createHash('sha256').update(`loopdesk-bench-${seed}`).digest();
}

export function benchDatabaseFile(seed: number, responses: number): string {
  return path.resolve(CACHE_DIR, `queue-s${seed}-n${responses}-g${GENERATOR_VERSION}-${schemaFingerprint()}.db`);
}

/**
 * Writes the synthetic feed into an open database, one transaction per page as sync does
 * (nesting the pages in one outer transaction is much slower: each becomes a savepoint).
 */
export function fillDatabase(db: Db, options: GeneratorOptions, log?: (line: string) => void): void {
  let written = 0;
  const started = Date.now();
  for (const page of syntheticChangePages(options, 20_000)) {
    applyChanges(db, page);
    written += page.length;
    if (log !== undefined && written % 500_000 < page.length) {
      log(`  …${written.toLocaleString('en')} changes in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  }
  setSignedInStaff(db, SYNTHETIC_ME.id);
  // What sync does after a bootstrap: give the planner statistics for the new data.
  db.exec('ANALYZE');
}

/** Stands in for sync, which records who is signed in from GET /v1/me. */
export function setSignedInStaff(db: Db, staffId: string): void {
  db.prepare(
    "INSERT INTO sync_state (key, value) VALUES ('me', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(JSON.stringify(staffId));
}

export function prepareBenchDatabase(seed: number, responses: number, log: (line: string) => void): BenchDatabase {
  const file = benchDatabaseFile(seed, responses);
  const key = keyFor(seed);
  if (existsSync(file)) return { file, key, now: BENCH_EPOCH };
  mkdirSync(CACHE_DIR, { recursive: true, mode: 0o700 });
  for (const old of readdirSync(CACHE_DIR)) {
    if (old.startsWith(`queue-s${seed}-n${responses}-`)) rmSync(path.join(CACHE_DIR, old), { force: true });
  }
  log(
    `Building a cache of ${responses.toLocaleString('en')} synthetic responses (seed ${seed}); cached for later runs…`,
  );
  const building = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const db = openDatabase({ file: building, key });
  try {
    fillDatabase(db, { seed, responses, now: BENCH_EPOCH }, log);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  renameSync(building, file);
  return { file, key, now: BENCH_EPOCH };
}
