// When sync runs without anyone pressing "Sync now": at start, on a poke (a colleague's
// change shows up within a second), on the fallback interval, when the network comes back
// or the system resumes; and the poke stream reconnects when the server goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../../server/index.js';
import type { SystemEvent } from '../../../electron/core/sync/sync-engine.js';
import { withCache } from './support/converged.js';
import { ingestAnswer } from './support/server-actions.js';
import { agents, openClient, removeTempDirs, startDemoServer, until, type SyncClient } from './support/sync-harness.js';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startDemoServer(100, { keepAliveMs: 60_000 });
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

function hasResponse(client: SyncClient, id: string): boolean {
  return withCache(
    client.file,
    client.key,
    (db) => db.prepare('SELECT 1 FROM responses WHERE id = ?').get(id) !== undefined,
  );
}

describe('sync triggers', () => {
  it('syncs at start, then shows a colleague’s change within a second of the poke', async () => {
    const a = await openClient({ server, token: agents(server)[0]!.token, options: { intervalMs: 600_000 } });
    a.engine.start();
    await until(() => a.engine.status().lastSyncedAt !== null, 10_000, 'the first sync');
    await until(() => server.pokeSubscribers() > 0, 5_000, 'the poke stream');
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const changes = a.eventsOf('data:changed').length;
      const started = Date.now();
      const { responseId } = await ingestAnswer(server);
      await until(() => a.eventsOf('data:changed').length > changes && hasResponse(a, responseId), 2_000, 'the poke');
      latencies.push(Date.now() - started);
    }
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    await a.close();
  });

  it('reconnects the poke stream when the server restarts', async () => {
    const a = await openClient({ server, token: agents(server)[0]!.token, options: { intervalMs: 600_000 } });
    a.engine.start();
    await until(() => server.pokeSubscribers() > 0, 5_000, 'the poke stream');
    await server.restart();
    const { responseId } = await ingestAnswer(server);
    await until(() => hasResponse(a, responseId), 5_000, 'a poke after the restart');
    await a.close();
  });

  it('shows offline soon after the server goes away, without waiting for the fallback interval', async () => {
    const lonely = await startDemoServer(20, { keepAliveMs: 60_000 });
    const a = await openClient({ server: lonely, token: agents(lonely)[0]!.token, options: { intervalMs: 600_000 } });
    a.engine.start();
    await until(() => a.engine.status().lastSyncedAt !== null, 10_000, 'the first sync');
    await until(() => lonely.pokeSubscribers() > 0, 5_000, 'the poke stream');
    // The stream's first poke starts a pull; it must be over, so that only the stream's
    // loss can make the client notice the server is gone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await until(() => a.engine.status().phase === 'idle', 5_000, 'the pull of the first poke');
    await lonely.close();
    await until(() => a.engine.status().phase === 'offline', 5_000, 'the offline status');
    await a.close();
  });

  it('replaces a poke stream that fell silent (a proxy that keeps dead connections open)', async () => {
    let pokeRequests = 0;
    // The first stream is a black hole: open, but nothing ever arrives, not even keep-alives.
    const blackHole: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (!url.includes('/v1/poke') || ++pokeRequests > 1) return fetch(input, init);
      return Promise.resolve(new Response(new ReadableStream<Uint8Array>(), { status: 200 }));
    };
    const a = await openClient({
      server,
      token: agents(server)[0]!.token,
      fetch: blackHole,
      options: { intervalMs: 600_000, pokeIdleTimeoutMs: 300 },
    });
    a.engine.start();
    await until(() => a.engine.status().lastSyncedAt !== null, 10_000, 'the first sync');
    const { responseId } = await ingestAnswer(server);
    await until(() => hasResponse(a, responseId), 5_000, 'a poke on the replacement stream');
    expect(pokeRequests).toBeGreaterThanOrEqual(2);
    await a.close();
  });

  it('falls back to the interval without pokes', async () => {
    const a = await openClient({ server, token: agents(server)[0]!.token, options: { pokes: false, intervalMs: 200 } });
    a.engine.start();
    await until(() => a.engine.status().lastSyncedAt !== null, 10_000, 'the first sync');
    const { responseId } = await ingestAnswer(server);
    await until(() => hasResponse(a, responseId), 3_000, 'the interval');
    await a.close();
  });

  it('retries at once when the network comes back or the system resumes, instead of waiting out the backoff', async () => {
    let emit: (event: SystemEvent) => void = () => undefined;
    let reachable = true;
    const flaky: typeof fetch = (input, init) =>
      reachable ? fetch(input, init) : Promise.reject(new TypeError('fetch failed'));
    const a = await openClient({
      server,
      token: agents(server)[0]!.token,
      fetch: flaky,
      systemEvents: (listener) => {
        emit = listener;
        return () => undefined;
      },
      // A backoff far longer than the test: only the system events can bring sync back.
      options: { pokes: false, intervalMs: 600_000, backoff: { baseMs: 600_000, capMs: 600_000 } },
      random: () => 0.99,
    });
    a.engine.start();
    await until(() => a.engine.status().lastSyncedAt !== null, 10_000, 'the first sync');
    reachable = false;
    await a.engine.syncNow();
    expect(a.engine.status()).toMatchObject({ phase: 'offline' });
    expect(a.engine.status().nextRetryAt).toBeGreaterThan(Date.now() + 60_000);
    reachable = true;
    for (const event of ['online', 'resume'] as const) {
      const { responseId } = await ingestAnswer(server);
      emit(event);
      await until(() => hasResponse(a, responseId), 3_000, `a sync on ${event}`);
      expect(a.engine.status().phase).toBe('idle');
      reachable = false;
      await a.engine.syncNow();
      reachable = true;
    }
    await a.close();
  });
});
