import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChangesPage } from '../../../common/api/changes.js';
import { ApiErrorBody } from '../../../common/api/errors.js';
import { startReferenceServer } from '../../../server/index.js';
import { NOW, startHarness, tempDir, type Harness } from './server-harness.js';

const dir = tempDir();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    dbFile: dir.file('faults.db'),
    demo: { responses: 300, seed: 3, now: NOW },
    faults: { seed: 11 },
  });
});
afterEach(() => {
  h.server.faults?.clear();
});
afterAll(async () => {
  await h.close();
  dir.remove();
});

function faults() {
  const f = h.server.faults;
  if (!f) throw new Error('faults are off');
  return f;
}

/**
 * After a restart, the HTTP client's pooled keep-alive sockets are dead; like a real sync
 * client, retry network errors (not HTTP statuses) a few times.
 */
async function retryingNetworkErrors<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

async function firstResponseId(): Promise<string> {
  const { changes } = await h.pullAll(h.agent.token);
  const r = changes.find((c) => c.kind === 'response');
  if (r?.kind !== 'response') throw new Error('no response');
  return r.data.id;
}

describe('fault injection', () => {
  it('is off unless asked for', async () => {
    const plain = await startReferenceServer();
    expect(plain.faults).toBeNull();
    await plain.close();
  });

  it('delays a request, then serves it normally', async () => {
    faults().enqueue('GET /v1/me', { kind: 'delay', ms: 150 });
    const started = Date.now();
    const reply = await h.call('GET', '/v1/me', { token: h.agent.token });
    expect(reply.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers 500, 503 with Retry-After and 429 with Retry-After, in queue order, without running the handler', async () => {
    faults().enqueue(
      '/v1/mutations',
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503, retryAfterSeconds: 2 },
      { kind: 'rate_limit', retryAfterSeconds: 7 },
    );
    const r = await firstResponseId();
    const body = {
      client_id: 'fault-client-1',
      mutations: [{ id: 1, name: 'set_priority', args: { response_id: r, priority: 'urgent' } }],
    };
    const first = await h.call('POST', '/v1/mutations', { token: h.agent.token, body });
    const second = await h.call('POST', '/v1/mutations', { token: h.agent.token, body });
    const third = await h.call('POST', '/v1/mutations', { token: h.agent.token, body });
    expect([first.status, second.status, third.status]).toEqual([500, 503, 429]);
    expect([second.headers.get('retry-after'), third.headers.get('retry-after')]).toEqual(['2', '7']);
    for (const reply of [first, second, third]) expect(ApiErrorBody.safeParse(reply.json).success).toBe(true);
    expect(faults().pending()).toBe(0);
    // None of them ran: the first real attempt applies.
    expect(await h.mutate(h.agent.token, 'fault-client-1', body.mutations)).toEqual({
      results: [{ id: 1, status: 'applied' }],
      last_mutation_id: 1,
    });
  });

  it('drops a connection before the handler (nothing applied) and mid-body (applied, so the retry is a duplicate)', async () => {
    const r = await firstResponseId();
    const mutations = [{ id: 1, name: 'add_note', args: { response_id: r, note_id: 'fault-note-1', text: 'once' } }];
    faults().enqueue(
      'POST /v1/mutations',
      { kind: 'drop', when: 'before_handler' },
      { kind: 'drop', when: 'mid_body' },
    );
    await expect(
      h.call('POST', '/v1/mutations', { token: h.agent.token, body: { client_id: 'fault-client-2', mutations } }),
    ).rejects.toThrow();
    await expect(
      h.call('POST', '/v1/mutations', { token: h.agent.token, body: { client_id: 'fault-client-2', mutations } }),
    ).rejects.toThrow();
    expect(await h.mutate(h.agent.token, 'fault-client-2', mutations)).toEqual({
      results: [{ id: 1, status: 'duplicate' }],
      last_mutation_id: 1,
    });
  });

  it('serves a page twice (duplicate_page) and answers one reset', async () => {
    const get = async (cursor?: string) => {
      const reply = await h.call('GET', `/v1/changes?limit=50${cursor ? `&cursor=${cursor}` : ''}`, {
        token: h.agent.token,
      });
      return reply.json as ChangesPage | { reset: true; reason: string };
    };
    const p1 = ChangesPage.parse(await get());
    const p2 = ChangesPage.parse(await get(p1.next_cursor));
    faults().enqueue('/v1/changes', { kind: 'duplicate_page' }, { kind: 'reset' });
    const replayed = ChangesPage.parse(await get(p2.next_cursor));
    expect(replayed).toEqual(p2);
    const reset = await get(p2.next_cursor);
    expect('reset' in reset && reset.reason).toContain('injected');
    expect(ChangesPage.parse(await get(p2.next_cursor)).changes[0]).not.toEqual(p2.changes[0]);
  });

  it('restarts on the same port with the same database: data, tokens and cursors survive', async () => {
    const before = await h.pullAll(h.agent.token);
    await h.server.restart();
    expect((await retryingNetworkErrors(() => h.call('GET', '/v1/me', { token: h.agent.token }))).status).toBe(200);
    const after = await retryingNetworkErrors(() => h.pullAll(h.agent.token));
    expect(after.changes).toEqual(before.changes);
    expect((await h.pullAll(h.agent.token, before.cursor)).changes).toEqual([]);
  });

  it('restarts when a queued restart fault hits a request', async () => {
    faults().enqueue('GET /v1/staff', { kind: 'restart' });
    await expect(h.call('GET', '/v1/staff', { token: h.agent.token })).rejects.toThrow();
    expect((await retryingNetworkErrors(() => h.call('GET', '/v1/staff', { token: h.agent.token }))).status).toBe(200);
    expect(faults().injected.at(-1)).toMatchObject({ path: '/v1/staff', fault: { kind: 'restart' } });
  });

  it('injects random faults from a seeded PRNG: the same seed gives the same schedule', async () => {
    const schedule = async (seed: number) => {
      const server = await startReferenceServer({
        faults: {
          seed,
          random: [
            {
              route: 'GET /v1/me',
              probability: 0.5,
              faults: [
                { kind: 'status', status: 503 },
                { kind: 'rate_limit', retryAfterSeconds: 1 },
              ],
            },
          ],
        },
      });
      const member = server.createStaff({ name: 'R', email: 'r@team.example', role: 'agent' });
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) {
        statuses.push(
          (await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${member.token}` } })).status,
        );
      }
      await server.close();
      return statuses;
    };
    const a = await schedule(5);
    expect(await schedule(5)).toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 429, 503]));
    expect(await schedule(6)).not.toEqual(a);
  });
});
