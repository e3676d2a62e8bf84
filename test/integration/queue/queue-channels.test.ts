// The queue's channels end to end in the core: request validation by the handler table,
// the operations in a real database worker, results and failures as IPC values.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SORT, filtersWith } from '../../../common/queue/query.js';
import { BUILT_IN_VIEWS } from '../../../common/queue/views.js';
import { newDatabaseKey } from '../../../electron/core/db/database-key.js';
import type { DatabaseClient } from '../../../electron/core/db/database-client.js';
import { WorkerDatabaseClient } from '../../../electron/core/db/worker-database-client.js';
import { createHandlerTable, type Dispatch, type HandlerMap } from '../../../electron/core/ipc/handler-table.js';
import { queueHandlers } from '../../../electron/core/ipc/handlers/queue-handlers.js';
import { VaultError } from '../../../electron/core/vault/vault-errors.js';
import { fillDatabase, setSignedInStaff } from '../../bench/support/bench-database.js';
import { SYNTHETIC_ME } from '../../bench/support/synthetic-feedback.js';
import { openDatabase } from '../../../electron/core/db/open-database.js';
import { tempDir } from '../../unit/db/support/temp-dirs.js';
import { buildDbWorker, type BuiltWorker } from '../db/support/build-db-worker.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');
let built: BuiltWorker;
let client: DatabaseClient;
let dispatch: Dispatch;

beforeAll(async () => {
  built = await buildDbWorker();
  const file = path.join(tempDir('loopdesk-queue-'), 'loopdesk.db');
  const key = newDatabaseKey();
  const db = openDatabase({ file, key });
  fillDatabase(db, { seed: 3, responses: 2000, now: NOW });
  setSignedInStaff(db, SYNTHETIC_ME.id);
  db.close();
  client = await WorkerDatabaseClient.open({ file, key, workerPath: built.workerPath });
  dispatch = createHandlerTable(queueHandlers({ database: () => client, now: () => NOW }) as HandlerMap);
});

afterAll(async () => {
  await client.close();
  built.remove();
});

async function ok<T = unknown>(channel: string, request: unknown): Promise<T> {
  const result = await dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const everything = { filters: filtersWith({}), sort: DEFAULT_SORT };

describe('queue channels', () => {
  it('pages through the queue by cursor and agrees with the count', async () => {
    const { total } = await ok<{ total: number }>('queue:count', { query: everything });
    expect(total).toBe(2000);
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const page: { rows: { id: string; cursor: string }[]; hasMore: boolean } = await ok('queue:page', {
        query: everything,
        after,
        offset: 0,
        limit: 500,
      });
      for (const row of page.rows) seen.add(row.id);
      if (!page.hasMore) break;
      after = page.rows.at(-1)!.cursor;
    }
    expect(seen.size).toBe(2000);
  });

  it('knows who "me" is, and counts every view for its badge', async () => {
    const context = await ok<{ me: { id: string } | null; staff: unknown[] }>('queue:context', {});
    expect(context.me?.id).toBe(SYNTHETIC_ME.id);
    const { counts } = await ok<{ counts: Record<string, number> }>('queue:view-counts', {});
    expect(Object.keys(counts)).toEqual(BUILT_IN_VIEWS.map((v) => v.id));
    expect(counts.all).toBe(2000);
    expect(counts['my-followups']).toBeGreaterThan(0);
  });

  it('saves, renames and deletes a user view, refusing built-in names', async () => {
    const query = { filters: filtersWith({ country: ['DE'] }), sort: DEFAULT_SORT };
    const view = await ok<{ id: string; name: string }>('queue:save-view', { id: null, name: 'Germany', query });
    await ok('queue:save-view', { id: view.id, name: 'Deutschland', query });
    const { views } = await ok<{ views: { id: string; name: string }[] }>('queue:views', {});
    expect(views.map((v) => v.name)).toContain('Deutschland');
    const clash = await dispatch('queue:save-view', { id: null, name: 'all', query });
    expect(clash).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const builtIn = await dispatch('queue:save-view', { id: 'overdue', name: 'Mine now', query });
    expect(builtIn).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await ok('queue:delete-view', { id: view.id })).toEqual({ deleted: true });
    expect(await ok('queue:delete-view', { id: view.id })).toEqual({ deleted: false });
  });

  it('remembers the column layout', async () => {
    expect(await ok('queue:layout', {})).toEqual({ layout: null });
    const layout = { order: ['score', 'received'], hidden: ['comment'], widths: { score: 90 } };
    await ok('queue:save-layout', { layout });
    const saved = await ok<{ layout: { order: string[]; hidden: string[] } }>('queue:layout', {});
    expect(saved.layout.order.slice(0, 2)).toEqual(['score', 'received']);
    expect(saved.layout.order).toHaveLength(12);
    expect(saved.layout.hidden).toEqual(['comment']);
  });

  it('answers the detail of a row, and not_found for an unknown id', async () => {
    const page = await ok<{ rows: { id: string }[] }>('queue:page', {
      query: everything,
      after: null,
      offset: 0,
      limit: 1,
    });
    const detail = await ok<{ response: { id: string } }>('queue:detail', { id: page.rows[0]!.id });
    expect(detail.response.id).toBe(page.rows[0]!.id);
    expect(await dispatch('queue:detail', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('rejects a cursor that is not one, and says "locked" while the vault is', async () => {
    const stale = await dispatch('queue:page', { query: everything, after: '["nope"]', offset: 0, limit: 10 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const locked = createHandlerTable(
      queueHandlers({
        database: () => {
          throw new VaultError('locked');
        },
      }) as HandlerMap,
    );
    expect(await locked('queue:count', { query: everything })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});
