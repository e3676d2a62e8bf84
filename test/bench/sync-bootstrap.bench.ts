// bench: sync.bootstrap sync.ipc sync.insert_ceiling
// The first sync of an empty encrypted cache from the reference server on loopback (in a
// process of its own): 100,000 and 1,000,000 demo responses with their respondents, declines,
// follow-ups and audit trails, full-text index included, through the engine and the real
// database worker and page parser thread. Reported: records (feed changes) per second end to end, peak RSS, and the
// ratio to the raw encrypted-insert ceiling measured in the same run — the same rows written
// by the same prepared statements in one transaction, with no HTTP, no parsing or validation
// and no worker. Meanwhile a trivial IPC request (app:ping through the handler table) is sent
// every 10 ms; its round trip, measured from when it was due, shows whether the main thread
// stays free.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Change } from '../../common/api/changes.js';
import { newDatabaseKey } from '../../electron/core/db/database-key.js';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { applyChange } from '../../electron/core/db/writers/apply-changes.js';
import { WorkerDatabaseClient } from '../../electron/core/db/worker-database-client.js';
import { EventBus } from '../../electron/core/events.js';
import { createHandlerTable, type HandlerMap } from '../../electron/core/ipc/handler-table.js';
import { appHandlers } from '../../electron/core/ipc/handlers/app-handlers.js';
import { beginBulkLoad, finishBulkLoad, setBootstrapTuning } from '../../electron/core/sync/store/bulk-load.js';
import { SyncEngine } from '../../electron/core/sync/sync-engine.js';
import { WorkerPageParser } from '../../electron/core/sync/worker-page-parser.js';
import { fakeShell } from '../support/fake-shell.js';
import { percentile, report, round } from './support/report.js';
import { sampleRoundTrips, samplePeakRss, startBenchServer } from './support/sync-bench.js';

const SIZES = [
  { responses: 100_000, label: '100k' },
  { responses: 1_000_000, label: '1m' },
] as const;
const RATE_TARGET = '>= 50000';
const RATIO_TARGET = '>= 0.5';
const PING_TARGET = '< 16';
const CEILING_BATCH = 50_000;

const log = (line: string): void => {
  console.log(line);
};

async function bootstrap(url: string, token: string, dir: string) {
  const client = await WorkerDatabaseClient.open({
    file: path.join(dir, 'cache.db'),
    key: newDatabaseKey(),
    workerPath: path.resolve('dist/node/db-worker.cjs'),
  });
  const events = new EventBus();
  let records = 0;
  /** When the last batch was committed: the pull is over, the deferred indexes follow. */
  let pulledAt = Number.NaN;
  events.connect((event, payload) => {
    if (event === 'sync:status' && typeof payload === 'object' && payload !== null && 'done' in payload) {
      const done = payload.done as number;
      if (done > records) {
        records = done;
        pulledAt = performance.now();
      }
    }
  });
  // As the app runs it: pages parsed on a thread beside the database worker.
  const pageParser = new WorkerPageParser(path.resolve('dist/node/page-parser-worker.cjs'));
  const engine = new SyncEngine({
    db: client,
    pageParser,
    connection: { baseUrl: url, token },
    fetch: globalThis.fetch,
    events,
    logError: (context, error) => {
      console.error(context, error);
    },
    options: { pokes: false },
  });
  const dispatch = createHandlerTable(appHandlers(fakeShell(), () => true) as HandlerMap);
  const pings = sampleRoundTrips(() => dispatch('app:ping', { sentAt: Date.now() }));
  const rss = samplePeakRss();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await engine.syncNow();
  const seconds = (performance.now() - started) / 1000;
  const pullSeconds = (pulledAt - started) / 1000;
  // CPU time of this process (main thread and database worker): steadier than the wall
  // clock when other work shares the machine.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const samples = await pings.stop();
  const peakRss = rss.stop();
  const status = engine.status();
  if (status.phase !== 'idle') throw new Error(`the bootstrap ended ${status.phase}: ${status.message ?? ''}`);
  const rows = await client.call('countRows', {});
  await engine.stop();
  await pageParser.close();
  await client.close();
  return { seconds, pullSeconds, cpuSeconds, records, samples, peakRss, rows };
}

/** The same rows, the same statements, one transaction, no HTTP, no parsing or validation timed. */
function insertCeiling(serverDb: string, dir: string): { seconds: number; cpuSeconds: number; records: number } {
  const source = new Database(serverDb, { readonly: true });
  const db = openDatabase({ file: path.join(dir, 'ceiling.db'), key: newDatabaseKey() });
  // The same index strategy and page cache as the bootstrap, so the ratio isolates sync's cost.
  beginBulkLoad(db);
  setBootstrapTuning(db, true);
  const read = source.prepare('SELECT seq, payload FROM changes WHERE seq > ? ORDER BY seq LIMIT ?').raw(true);
  let insertMs = 0;
  let cpuMicros = 0;
  let records = 0;
  let after = 0;
  db.exec('BEGIN IMMEDIATE');
  for (;;) {
    const batch = read.all(after, CEILING_BATCH) as [number, string][];
    if (batch.length === 0) break;
    after = batch.at(-1)?.[0] ?? after;
    const changes = batch.map(([, payload]) => JSON.parse(payload) as Change);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (const change of changes) applyChange(db, change);
    insertMs += performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    cpuMicros += cpu.user + cpu.system;
    records += changes.length;
  }
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  db.exec('COMMIT');
  finishBulkLoad(db);
  insertMs += performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  cpuMicros += cpu.user + cpu.system;
  db.close();
  source.close();
  return { seconds: insertMs / 1000, cpuSeconds: cpuMicros / 1e6, records };
}

async function main(): Promise<void> {
  // LOOPDESK_SYNC_BENCH_SIZES=100k runs one size only (while working on sync).
  const only = process.env.LOOPDESK_SYNC_BENCH_SIZES?.split(',');
  for (const size of SIZES.filter((s) => only === undefined || only.includes(s.label))) {
    const name = (figure: string) => `sync.${figure}.${size.label}`;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-bench-sync-'));
    try {
      log(`Bootstrap of ${size.responses.toLocaleString('en')} demo responses…`);
      const server = await startBenchServer(size.responses, log);
      const run = await bootstrap(server.url, server.token, dir);
      await server.stop();
      if (run.rows.responses !== size.responses) {
        throw new Error(`the cache holds ${run.rows.responses} responses, not ${size.responses}`);
      }
      const rate = run.records / run.seconds;
      log(
        `  ${run.records.toLocaleString('en')} records in ${round(run.seconds, 1)} s ` +
          `(${round(run.cpuSeconds, 1)} s of CPU, main thread and worker); ` +
          `${run.samples.length} pings, max ${round(Math.max(...run.samples), 1)} ms`,
      );
      report({
        name: `sync.bootstrap.${size.label}.records_per_s`,
        value: Math.round(rate),
        unit: 'records/s',
        target: RATE_TARGET,
      });
      report({
        name: `sync.bootstrap.${size.label}.responses_per_s`,
        value: Math.round(size.responses / run.seconds),
        unit: 'responses/s',
        target: '',
      });
      report({ name: `sync.bootstrap.${size.label}.seconds`, value: round(run.seconds, 1), unit: 's', target: '' });
      // Where the time goes: the pull (fetch, parse, insert) and then the deferred indexes,
      // full-text index and statistics, built once the last batch is in.
      report({
        name: `sync.bootstrap.${size.label}.pull_records_per_s`,
        value: Math.round(run.records / run.pullSeconds),
        unit: 'records/s',
        target: '',
      });
      report({
        name: `sync.bootstrap.${size.label}.finish_seconds`,
        value: round(run.seconds - run.pullSeconds, 1),
        unit: 's',
        target: '',
      });
      report({
        name: `sync.bootstrap.${size.label}.peak_rss`,
        value: Math.round(run.peakRss / 2 ** 20),
        unit: 'MiB',
        target: '',
      });
      report({
        name: `sync.ipc.ping_p95_during_bootstrap.${size.label}`,
        value: round(percentile(run.samples, 95), 2),
        unit: 'ms',
        target: PING_TARGET,
      });
      // Always: the ratio is a sync.bootstrap figure, and `--filter sync.bootstrap` must not
      // report a rate without the ceiling it is judged against.
      {
        log('  insert ceiling…');
        const ceiling = insertCeiling(server.dbFile, dir);
        if (ceiling.records !== run.records) {
          throw new Error(`the ceiling wrote ${ceiling.records} records, the bootstrap ${run.records}`);
        }
        const ceilingRate = ceiling.records / ceiling.seconds;
        log(`  ceiling: ${round(ceiling.seconds, 1)} s (${round(ceiling.cpuSeconds, 1)} s of CPU)`);
        report({
          name: name('insert_ceiling') + '.records_per_s',
          value: Math.round(ceilingRate),
          unit: 'records/s',
          target: '',
        });
        report({
          name: `sync.bootstrap.${size.label}.ratio_to_ceiling`,
          value: round(rate / ceilingRate, 2),
          unit: '×',
          target: RATIO_TARGET,
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
