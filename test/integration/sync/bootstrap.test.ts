// A first sync into an empty cache, then a colleague's change arriving through a poke.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../common/ipc/events.js';
import type { ReferenceServer } from '../../../server/index.js';
import { expectConverged, withCache } from './support/converged.js';
import { agents, manager, openClient, removeTempDirs, startDemoServer } from './support/sync-harness.js';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startDemoServer(600);
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

describe('bootstrap', () => {
  it('pulls the whole feed into the cache, field by field, and records who is signed in', async () => {
    const me = agents(server)[0]!;
    const client = await openClient({
      server,
      token: me.token,
      options: { pageSize: 250, bootstrapBatchRecords: 500, pokes: false },
    });
    await client.engine.syncNow();
    const status = client.engine.status();
    expect(status).toMatchObject({ phase: 'idle', pendingMutations: 0, message: null });
    expect(status.lastSyncedAt).not.toBeNull();
    const { records } = await expectConverged(server, manager(server).token, client.file, client.key);
    expect(records).toBeGreaterThan(1000);
    withCache(client.file, client.key, (db) => {
      const stored: unknown = JSON.parse(
        db.prepare("SELECT value FROM sync_state WHERE key = 'me'").pluck().get() as string,
      );
      expect(stored).toMatchObject({ id: me.id, name: me.name, role: 'agent' });
      // The directory includes colleagues who left (inactive), whom the demo gives no token.
      expect(db.prepare('SELECT count(*) FROM staff').pluck().get()).toBeGreaterThan(server.staff.length);
      // The queue's indexes, dropped for the bulk load, are all back.
      expect(
        db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'responses'").pluck().get(),
      ).toBeGreaterThan(15);
    });
    // The deferred indexes were built one request at a time, and the status counted them:
    // 0 of n, 1 of n, … n-1 of n during the bootstrap, then nothing once idle.
    const indexing = client
      .eventsOf('sync:status')
      .flatMap((s) => (s.indexing == null ? [] : [{ phase: s.phase, ...s.indexing }]));
    expect(indexing.length).toBeGreaterThan(10);
    const total = indexing[0]!.total;
    expect(indexing).toEqual(Array.from({ length: total }, (_, done) => ({ phase: 'bootstrap', done, total })));
    expect(status.indexing).toBeNull();
    // The first step gives responses their follow-ups' fields: the views re-read right then.
    const afterDerivedStep = client.recorded.findIndex(
      (r) => r.event === 'sync:status' && (r.payload as SyncStatus).indexing?.done === 1,
    );
    expect(afterDerivedStep).toBeGreaterThan(0);
    const beforeIt = client.recorded.slice(0, afterDerivedStep);
    expect(beforeIt.at(-1)).toEqual({
      event: 'data:changed',
      payload: { kinds: expect.arrayContaining(['followup']) as unknown },
    });
    const phases = client.eventsOf('sync:status').map((s) => s.phase);
    expect(phases).toContain('bootstrap');
    expect(phases.at(-1)).toBe('idle');
    const progress = client.eventsOf('sync:status').filter((s) => s.phase === 'bootstrap' && s.done > 0);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((s) => s.estimatedTotal !== null && s.estimatedTotal >= s.done)).toBe(true);
    // Spaced during a bootstrap (the views re-query on each), and always one at the end.
    expect(client.eventsOf('data:changed').length).toBeGreaterThanOrEqual(2);
    expect(client.eventsOf('data:changed').length).toBeLessThan(progress.length);
    await client.close();
  });
});
