// Crash safety: a child process syncing a feed of tens of thousands of records is killed with
// SIGKILL at random (seeded) moments, at least 20 times — during the bootstrap, during a
// rebuild after a reset, during pushes — and the cache is reopened after every kill. It must
// stay intact (PRAGMA integrity_check) and consistent, and finally converge to the server's
// state with every mutation applied exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followupIdFor } from '../../../common/api/records.js';
import { InProcessDatabaseClient } from '../../../electron/core/db/database-client.js';
import { newDatabaseKey } from '../../../electron/core/db/database-key.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { MIRROR_TABLES } from '../../../electron/core/sync/store/reset-mirror.js';
import type { ReferenceServer } from '../../../server/index.js';
import { buildCrashDriver } from './support/build-crash-driver.js';
import { expectConverged, serverFeed, withCache } from './support/converged.js';
import { ingestAnswer } from './support/server-actions.js';
import { agents, manager, seededRandom, startDemoServer } from './support/sync-harness.js';

const KILLS = 20;
let server: ReferenceServer;
let driver: Awaited<ReturnType<typeof buildCrashDriver>>;
const dir = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-crash-'));

beforeAll(async () => {
  [server, driver] = await Promise.all([startDemoServer(12_000), buildCrashDriver()]);
});
afterAll(async () => {
  await server.close();
  driver.remove();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
  readonly output: () => string;
}

function startDriver(env: Readonly<Record<string, string>>): Run {
  const child = spawn(process.execPath, [driver.script], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let output = '';
  let stderr = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) resolve();
    });
    child.once('exit', () => {
      reject(new Error(`driver exited before it was ready: ${stderr}`));
    });
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  return { child, ready, exited, output: () => output + stderr };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What must hold after any crash, whatever moment it hit. */
function expectIntactAndConsistent(db: Db): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  for (const table of MIRROR_TABLES.filter((t) => t !== 'root_cause_tags')) {
    const dupes = db.prepare(`SELECT count(*) - count(DISTINCT id) FROM ${table}`).pluck().get();
    expect(dupes, table).toBe(0);
  }
  // Every local (optimistic) event belongs to a mutation still in the outbox.
  const orphans = db
    .prepare(
      "SELECT count(*) FROM followup_events WHERE id GLOB 'local:*' AND " +
        "CAST(substr(id, 7, instr(substr(id, 7), ':') - 1) AS INTEGER) NOT IN (SELECT id FROM outbox)",
    )
    .pluck()
    .get();
  expect(orphans).toBe(0);
  // Every mutation waiting in the outbox keeps the server state it is rebuilt from.
  const baseless = db
    .prepare("SELECT count(*) FROM outbox WHERE 'followup_base:fu_' || response_id NOT IN (SELECT key FROM sync_state)")
    .pluck()
    .get();
  expect(baseless).toBe(0);
}

describe('crash safety', () => {
  it(`converges after ${KILLS} SIGKILLs at random moments, intact after each`, async () => {
    const random = seededRandom(20_26);
    const file = path.join(dir, 'cache.db');
    const key = newDatabaseKey();
    const agent = agents(server)[0]!;
    const env = { CRASH_DB: file, CRASH_KEY: key.toString('hex'), CRASH_URL: server.url, CRASH_TOKEN: agent.token };
    const notes: { responseId: string; noteId: string }[] = [];
    let kills = 0;
    let settledRuns = 0;
    let runs = 0;
    let workMs = 1_500;
    const killedAt: string[] = [];
    while (kills < KILLS) {
      runs += 1;
      expect(runs, 'runs without enough kills').toBeLessThan(80);
      // Between runs the world moves on: new answers, a user's note, once a feed reset.
      if (runs % 2 === 1) for (let i = 0; i < 20; i++) await ingestAnswer(server);
      if (runs === 8 || runs === 20) server.resetFeed();
      if (runs % 2 === 0) {
        const db = await InProcessDatabaseClient.open({ file, key });
        const target = withCache(file, key, (read) =>
          read
            .prepare('SELECT id FROM responses ORDER BY id LIMIT 1 OFFSET ?')
            .pluck()
            .get(runs * 37),
        ) as string | undefined;
        if (target !== undefined) {
          const noteId = `crash-note-${runs}`;
          const outcome = await db.call('syncSubmit', {
            name: 'add_note',
            args: { response_id: target, note_id: noteId, text: `Written before crash run ${runs}` },
            nowMs: Date.now(),
          });
          if (outcome.ok) notes.push({ responseId: target, noteId });
        }
        await db.close();
      }
      const run = startDriver(env);
      await run.ready;
      const readyAt = Date.now();
      // Somewhere inside the work: the last run that settled tells how long the work takes.
      await sleep(5 + Math.floor(random() * workMs));
      if (run.child.exitCode === null) {
        run.child.kill('SIGKILL');
        kills += 1;
        // Once it is gone: a bootstrap writes through a rollback journal, whose locks a
        // process holds until it exits (the app is one instance; only this test opens twice).
        await run.exited;
        const status = withCache(file, key, (db) => ({
          responses: db.prepare('SELECT count(*) FROM responses').pluck().get() as number,
          outbox: db.prepare('SELECT count(*) FROM outbox').pluck().get() as number,
        }));
        killedAt.push(`${status.responses}/${status.outbox}`);
        // Longer work than the last settled run (a reset's rebuild): widen the window, or
        // every kill could land before the first commit and nothing would ever progress.
        workMs = Math.min(workMs * 1.3, 3_000);
      } else {
        settledRuns += 1;
        await run.exited;
        workMs = Math.max(50, Date.now() - readyAt);
      }
      withCache(file, key, expectIntactAndConsistent);
    }
    const final = startDriver(env);
    expect(await final.exited, final.output()).toBe(0);
    expect(final.output()).toContain('SETTLED');
    withCache(file, key, (db) => {
      expectIntactAndConsistent(db);
      // The bulk-load indexes were rebuilt: the schema has every index a fresh cache has.
      const indexes = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index'").pluck().get();
      expect(db.prepare("SELECT value FROM sync_state WHERE key = 'deferred_indexes'").get()).toBeUndefined();
      expect(indexes).toBe(freshIndexCount());
      // The full-text index matches the comments it indexes (throws SQLITE_CORRUPT_VTAB otherwise).
      db.exec("INSERT INTO responses_fts (responses_fts, rank) VALUES ('integrity-check', 1)");
    });
    const { records } = await expectConverged(server, manager(server).token, file, key);
    expect(records).toBeGreaterThan(30_000);
    const feed = await serverFeed(server.url, manager(server).token);
    for (const { responseId, noteId } of notes) {
      const added = [...feed.values()].filter(
        (c) => c.kind === 'followup_event' && c.data.data.kind === 'note_added' && c.data.data.note_id === noteId,
      );
      expect(
        added.map((c) => (c.kind === 'followup_event' ? c.data.followup_id : '')),
        noteId,
      ).toEqual([followupIdFor(responseId)]);
    }
    expect(notes.length).toBeGreaterThan(5);
    // The kills landed at different points of the work: not all before or all after it.
    expect(new Set(killedAt).size).toBeGreaterThan(10);
    console.info(`crash test: ${kills} kills, ${settledRuns} runs settled before their kill, at ${killedAt.join(' ')}`);
  }, 240_000);
});

function freshIndexCount(): number {
  const fresh = path.join(dir, 'fresh.db');
  return withCache(fresh, newDatabaseKey(), (db) => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    return db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index'").pluck().get() as number;
  });
}
