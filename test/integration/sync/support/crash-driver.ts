// The child process of the crash test: opens the encrypted cache and syncs until settled,
// printing READY once the cache is open and SETTLED at the end. The test kills it with
// SIGKILL at random moments in between.
import { InProcessDatabaseClient } from '../../../../electron/core/db/database-client.js';
import { EventBus } from '../../../../electron/core/events.js';
import { SyncEngine } from '../../../../electron/core/sync/sync-engine.js';

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const db = await InProcessDatabaseClient.open({
    file: required('CRASH_DB'),
    key: Buffer.from(required('CRASH_KEY'), 'hex'),
  });
  const engine = new SyncEngine({
    db,
    connection: { baseUrl: required('CRASH_URL'), token: required('CRASH_TOKEN') },
    fetch: globalThis.fetch,
    events: new EventBus(),
    logError: (context, error) => {
      console.error(`[crash driver] ${context}`, error);
    },
    // Small pages: many commits, so that kills land between and inside them.
    options: { pokes: false, pageSize: 400, bootstrapBatchRecords: 1_600, backoff: { baseMs: 10, capMs: 100 } },
  });
  process.stdout.write('READY\n');
  for (let cycle = 0; cycle < 200; cycle++) {
    await engine.syncNow();
    const status = engine.status();
    if (status.phase === 'idle' && status.pendingMutations === 0) {
      process.stdout.write('SETTLED\n');
      break;
    }
  }
  await engine.stop();
  await db.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
