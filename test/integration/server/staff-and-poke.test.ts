import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateStaffReply, MeReply, StaffDirectoryReply } from '../../../common/api/staff.js';
import { startHarness, type Harness } from './server-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ keepAliveMs: 100 });
});
afterAll(async () => {
  await h.close();
});

describe('GET /v1/me, GET /v1/staff, POST /v1/staff', () => {
  it('tells a token who it is', async () => {
    const me = MeReply.parse((await h.call('GET', '/v1/me', { token: h.agent.token })).json);
    expect(me).toEqual({
      id: h.agent.id,
      name: 'Anders Agent',
      email: 'anders@team.example',
      role: 'agent',
      active: true,
    });
  });

  it('lists the directory, and a manager adds a colleague whose token works at once', async () => {
    const created = await h.call('POST', '/v1/staff', {
      token: h.manager.token,
      body: { name: '  Noor Haddad ', email: 'noor@team.example', role: 'agent' },
    });
    expect(created.status).toBe(201);
    const { staff, token } = CreateStaffReply.parse(created.json);
    expect(staff).toMatchObject({ name: 'Noor Haddad', role: 'agent', active: true });
    expect(MeReply.parse((await h.call('GET', '/v1/me', { token })).json).id).toBe(staff.id);
    const directory = StaffDirectoryReply.parse((await h.call('GET', '/v1/staff', { token })).json);
    expect(directory.staff.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Anders Agent', 'Maria Manager', 'Noor Haddad', 'Åsa Agent']),
    );
    const { changes } = await h.pullAll(token);
    expect(changes.filter((c) => c.kind === 'staff').map((c) => c.data.id)).toContain(staff.id);
    expect(
      (await h.call('POST', '/v1/staff', { token, body: { name: 'X', email: 'x@team.example', role: 'manager' } }))
        .status,
    ).toBe(403);
  });
});

/** Opens /v1/poke and collects the raw event-stream text. */
function subscribe(path: string, headers: Record<string, string> = {}) {
  const url = new URL(path, h.server.url);
  let text = '';
  let status = 0;
  let contentType = '';
  const req = request(url, { headers });
  const opened = new Promise<void>((resolve, reject) => {
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      contentType = String(res.headers['content-type']);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      resolve();
    });
    req.on('error', reject);
  });
  req.end();
  return {
    opened,
    get text() {
      return text;
    },
    get status() {
      return status;
    },
    get contentType() {
      return contentType;
    },
    close: () => req.destroy(),
  };
}

async function until(predicate: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('GET /v1/poke', () => {
  it('streams payload-free "changed" events after commits, and keep-alive comments', async () => {
    const stream = subscribe('/v1/poke', { authorization: `Bearer ${h.agent.token}` });
    await stream.opened;
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    // One "changed" on connecting, so that a reconnecting client catches up.
    await until(() => stream.text.includes('event: changed'));
    // The previous test's commit may still be poking (coalesced a few ms later): let it,
    // then one commit must bring exactly one more.
    const pokes = () => stream.text.split('event: changed').length - 1;
    await new Promise((r) => setTimeout(r, 100));
    const before = pokes();
    await h.ingest({});
    await until(() => pokes() === before + 1);
    await until(() => stream.text.includes(': keep-alive'));
    // Payload-free: nothing but the event name, empty data, comments and the retry hint.
    for (const line of stream.text.split('\n')) expect(line).toMatch(/^(event: changed|data: |: .*|retry: \d+|)$/);
    expect(h.server.pokeSubscribers()).toBe(1);
    stream.close();
    await until(() => h.server.pokeSubscribers() === 0);
  });

  it('coalesces a burst of commits into one poke', async () => {
    const stream = subscribe(`/v1/poke?token=${h.agent.token}`);
    await stream.opened;
    await until(() => stream.text.includes('event: changed'));
    await Promise.all([h.ingest({}), h.ingest({}), h.ingest({})]);
    await until(() => stream.text.split('event: changed').length - 1 >= 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(stream.text.split('event: changed').length - 1).toBeLessThanOrEqual(3);
    stream.close();
  });

  it('accepts the token as ?token= (EventSource cannot set headers) and refuses a bad one', async () => {
    const ok = subscribe(`/v1/poke?token=${encodeURIComponent(h.manager.token)}`);
    await ok.opened;
    expect(ok.status).toBe(200);
    ok.close();
    const bad = subscribe('/v1/poke?token=nope');
    await bad.opened;
    expect(bad.status).toBe(401);
    bad.close();
  });
});
