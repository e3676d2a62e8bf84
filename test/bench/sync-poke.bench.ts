// bench: sync.poke
// Poke-to-visible latency: a colleague changes a follow-up on the reference server (on
// loopback, in a process of its own); the server pokes over GET /v1/poke; the engine pulls
// and applies the change in the database worker and announces it with 'data:changed'. The
// figure is the time from the colleague's request to the moment the change is in this
// cache and announced — what the renderer needs to show it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newDatabaseKey } from '../../electron/core/db/database-key.js';
import { WorkerDatabaseClient } from '../../electron/core/db/worker-database-client.js';
import { EventBus } from '../../electron/core/events.js';
import { SyncEngine } from '../../electron/core/sync/sync-engine.js';
import { percentile, report, round } from './support/report.js';
import { startBenchServer } from './support/sync-bench.js';

const RESPONSES = 5_000;
const CHANGES = 40;
const TARGET = '<= 1000';

const log = (line: string): void => {
  console.log(line);
};

const responseId = (n: number): string => `r_${String(n).padStart(7, '0')}`;

async function main(): Promise<void> {
  const server = await startBenchServer(RESPONSES, log);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-bench-poke-'));
  const client = await WorkerDatabaseClient.open({
    file: path.join(dir, 'cache.db'),
    key: newDatabaseKey(),
    workerPath: path.resolve('dist/node/db-worker.cjs'),
  });
  const events = new EventBus();
  const engine = new SyncEngine({
    db: client,
    connection: { baseUrl: server.url, token: server.token },
    fetch: globalThis.fetch,
    events,
    logError: (context, error) => {
      console.error(context, error);
    },
    // The interval is the fallback for lost pokes: far away, so that only pokes count here.
    options: { intervalMs: 600_000 },
  });
  engine.start();
  await engine.syncNow();
  // The poke stream's first event is its connect-time catch-up; let it settle.
  await new Promise((resolve) => setTimeout(resolve, 500));

  const latencies: number[] = [];
  const clientId = `bench-colleague-${Date.now()}`;
  for (let i = 0; i < CHANGES; i++) {
    const target = responseId(1 + i * 37);
    const before = (await client.call('syncFollowup', { responseId: target }))?.version ?? 0;
    const visible = new Promise<number>((resolve) => {
      const disconnect = events.connect((event) => {
        if (event !== 'data:changed') return;
        void client.call('syncFollowup', { responseId: target }).then((followup) => {
          if ((followup?.version ?? 0) > before) {
            disconnect();
            resolve(performance.now());
          }
        });
      });
    });
    const started = performance.now();
    const reply = await fetch(`${server.url}/v1/mutations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.colleagueToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: clientId,
        mutations: [
          {
            id: i + 1,
            name: 'add_note',
            args: { response_id: target, note_id: `${clientId}-${i}`, text: 'Called back.' },
          },
        ],
      }),
    });
    if (!reply.ok) throw new Error(`the colleague's change was refused: ${reply.status} ${await reply.text()}`);
    latencies.push((await visible) - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await engine.stop();
  await client.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  log(`  ${CHANGES} changes: ${latencies.map((l) => Math.round(l)).join(' ')} ms`);
  report({ name: 'sync.poke_to_visible.p95', value: round(percentile(latencies, 95), 1), unit: 'ms', target: TARGET });
  report({ name: 'sync.poke_to_visible.p50', value: round(percentile(latencies, 50), 1), unit: 'ms', target: '' });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
