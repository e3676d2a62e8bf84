import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../../common/api/changes.js';
import {
  InProcessDatabaseClient,
  type DatabaseClient,
  type DatabaseClientOptions,
} from '../../../electron/core/db/database-client.js';
import { newDatabaseKey } from '../../../electron/core/db/database-key.js';
import { DatabaseError, DatabaseOpenError } from '../../../electron/core/db/errors.js';
import { WorkerDatabaseClient } from '../../../electron/core/db/worker-database-client.js';
import type { OperationName } from '../../../electron/core/db/worker/operations.js';
import { followup, respondentStory, response } from '../../unit/db/support/records.js';
import { tempDir } from '../../unit/db/support/temp-dirs.js';
import { buildDbWorker, type BuiltWorker } from './support/build-db-worker.js';

let built: BuiltWorker;
beforeAll(async () => {
  built = await buildDbWorker();
});
afterAll(() => {
  built.remove();
});

async function rejection(promise: Promise<unknown>): Promise<DatabaseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DatabaseError) return error;
    throw error;
  }
  throw new Error('expected a DatabaseError');
}

const CLIENTS = {
  'a worker thread': (options: DatabaseClientOptions) =>
    WorkerDatabaseClient.open({ ...options, workerPath: built.workerPath }),
  'the calling thread': (options: DatabaseClientOptions) => InProcessDatabaseClient.open(options),
} satisfies Record<string, (options: DatabaseClientOptions) => Promise<DatabaseClient>>;

describe.each(Object.entries(CLIENTS))('DatabaseClient on %s', (_where, open) => {
  it('opens, applies a page, reads it back and closes', async () => {
    const file = path.join(tempDir(), 'loopdesk.db');
    const key = newDatabaseKey();
    const client = await open({ file, key });
    const story = respondentStory('u1', 'r1');

    const summary = await client.call('applyChanges', { changes: story });

    expect(summary).toMatchObject({ applied: story.length, erasures: 0 });
    expect(await client.call('getResponse', { id: 'r1' })).toEqual(story[1]!.data);
    expect(await client.call('countRows', {})).toMatchObject({ responses: 1, respondents: 1, notes: 1 });
    expect(await client.call('searchResponseIds', { text: 'comm' })).toEqual(['r1']);
    await client.close();
    expect((await rejection(client.call('countRows', {}))).code).toBe('closed');

    const reopened = await open({ file, key });
    expect(await reopened.call('countRows', {})).toMatchObject({ responses: 1 });
    await reopened.close();
  });

  it('empties the WAL after a page with an erasure, so the erased rows’ old pages go too', async () => {
    const file = path.join(tempDir(), 'loopdesk.db');
    const client = await open({ file, key: newDatabaseKey() });
    await client.call('applyChanges', { changes: respondentStory('u1', 'r1') });
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const summary = await client.call('applyChanges', {
      changes: [{ kind: 'erasure', data: { end_user_id: 'u1', erased_at: '2025-06-01T00:00:00Z' } }],
    });
    expect(summary.erasures).toBe(1);
    expect(statSync(`${file}-wal`).size).toBe(0);
    await client.close();
  });

  it('passes a wrong key back as a typed DatabaseOpenError', async () => {
    const file = path.join(tempDir(), 'loopdesk.db');
    await (await open({ file, key: newDatabaseKey() })).close();

    const error = await rejection(open({ file, key: newDatabaseKey() }));

    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error.code).toBe('wrong_key');
    expect(error.message).toMatch(/could not be unlocked/);
  });

  it('passes operation failures back as {code, message}, without the worker’s stack', async () => {
    const client = await open({ file: path.join(tempDir(), 'loopdesk.db'), key: newDatabaseKey() });

    const unknown = await rejection(client.call('dropEverything' as OperationName, {}));
    expect(unknown.code).toBe('unknown_operation');
    expect(unknown.message).toBe('Unknown database operation: dropEverything');
    expect(unknown.stack).not.toMatch(/database-session/);

    const clash: Change[] = [
      { kind: 'followup', data: followup('r1', 'u1', { id: 'fu_a' }) },
      { kind: 'followup', data: followup('r1', 'u1', { id: 'fu_b' }) },
    ];
    const constraint = await rejection(client.call('applyChanges', { changes: clash }));
    expect(constraint.code).toBe('constraint');
    expect(constraint.message).toMatch(/SQLITE_CONSTRAINT/);
    expect(constraint.message).not.toMatch(/followups\.|INSERT/);

    // The failed page left nothing behind and the client still works.
    expect(await client.call('countRows', {})).toMatchObject({ followups: 0 });
    await client.close();
  });
});

describe('WorkerDatabaseClient', () => {
  it('keeps the calling thread free while the worker writes', async () => {
    const client = await WorkerDatabaseClient.open({
      workerPath: built.workerPath,
      file: path.join(tempDir(), 'loopdesk.db'),
      key: newDatabaseKey(),
    });
    const base = response('r0', 'u0');
    const changes: Change[] = Array.from({ length: 20_000 }, (_, i) => ({
      kind: 'response',
      data: { ...base, id: `r${i}`, end_user_id: `u${i % 500}`, text: `comment number ${i} about billing` },
    }));
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const started = Date.now();
    await client.call('applyChanges', { changes });
    const elapsed = Date.now() - started;
    clearInterval(timer);
    // The event loop kept turning during the write: roughly one tick per millisecond.
    expect(ticks).toBeGreaterThan(Math.min(5, elapsed / 10));
    expect(await client.call('countRows', {})).toMatchObject({ responses: 20_000 });
    await client.close();
  });

  it('fails every call with a typed error when the worker cannot start', async () => {
    const error = await rejection(
      WorkerDatabaseClient.open({
        workerPath: path.join(tempDir(), 'missing-worker.cjs'),
        file: path.join(tempDir(), 'loopdesk.db'),
        key: newDatabaseKey(),
      }),
    );
    expect(error.code).toBe('worker_failed');
  });
});
