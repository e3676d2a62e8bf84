// GET and PUT /v1/sla-policy: the team's SLA policy is held by the server, set by managers
// only, validated with the policy's one schema, and applied by the server itself when it opens
// a follow-up — at ingestion (detractors) and on a follow-up's first mutation (passives).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../../common/api/errors.js';
import { IngestResponseReply } from '../../../common/api/ingestion.js';
import { SlaPolicyReply } from '../../../common/api/sla-policy.js';
import { followupIdFor } from '../../../common/api/records.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../common/domain/sla.js';
import { startHarness, tempDir, type Harness } from './server-harness.js';

const NOW = new Date('2026-06-01T12:00:00.000Z');

const TEAM: SlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  nps: {
    negative: { firstContactHours: 4, priority: 'urgent' },
    neutral: { firstContactHours: 24, priority: 'high' },
    positive: { firstContactHours: null, priority: 'low' },
  },
};

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ clock: () => NOW });
});
afterAll(async () => {
  await h.close();
});

async function currentPolicy(token: string): Promise<SlaPolicyReply> {
  const reply = await h.call('GET', '/v1/sla-policy', { token });
  expect(reply.status).toBe(200);
  return SlaPolicyReply.parse(reply.json);
}

describe('GET and PUT /v1/sla-policy', () => {
  it('answers the default policy, never set, to any staff member', async () => {
    expect(await currentPolicy(h.agent.token)).toEqual({
      policy: DEFAULT_SLA_POLICY,
      updated_at: null,
      updated_by: null,
    });
  });

  it('refuses an agent’s PUT with 403 and a sentence that says who may, and keeps the policy', async () => {
    const reply = await h.call('PUT', '/v1/sla-policy', { token: h.agent.token, body: TEAM });
    expect(reply.status).toBe(403);
    expect(ApiErrorBody.parse(reply.json)).toEqual({
      error: { code: 'forbidden', message: 'Only a manager can change the team’s SLA policy.' },
    });
    // Authorization comes before the body is read: a malformed body from an agent is still 403.
    expect((await h.call('PUT', '/v1/sla-policy', { token: h.agent.token, rawBody: '{' })).status).toBe(403);
    expect((await currentPolicy(h.manager.token)).policy).toEqual(DEFAULT_SLA_POLICY);
  });

  it('refuses an ingestion key and a missing token', async () => {
    expect((await h.call('GET', '/v1/sla-policy', { token: h.ingestKey })).status).toBe(403);
    expect((await h.call('GET', '/v1/sla-policy')).status).toBe(401);
  });

  it('answers 400 with the offending fields for a malformed policy, and changes nothing', async () => {
    const cases: readonly [unknown, string][] = [
      [{ ...TEAM, ces: undefined }, 'body.ces'],
      [{ ...TEAM, nps: { ...TEAM.nps, negative: { firstContactHours: 0, priority: 'urgent' } } }, 'body.nps.negative'],
      [{ ...TEAM, nps: { ...TEAM.nps, neutral: { firstContactHours: 2.5, priority: 'high' } } }, 'body.nps.neutral'],
      [{ ...TEAM, csat: { ...TEAM.csat, positive: { firstContactHours: null, priority: 'asap' } } }, 'body.csat'],
      [{ ...TEAM, extra: true }, 'body'],
    ];
    for (const [body, path] of cases) {
      const reply = await h.call('PUT', '/v1/sla-policy', { token: h.manager.token, body });
      expect(reply.status, path).toBe(400);
      const error = ApiErrorBody.parse(reply.json).error;
      expect(error.code).toBe('invalid_request');
      expect(
        error.issues?.map((i) => i.path).some((p) => p.startsWith(path)),
        path,
      ).toBe(true);
    }
    const notJson = await h.call('PUT', '/v1/sla-policy', { token: h.manager.token, rawBody: '{"nps": ' });
    expect(notJson.status).toBe(400);
    expect(ApiErrorBody.parse(notJson.json).error.code).toBe('malformed_json');
    expect((await currentPolicy(h.agent.token)).updated_at).toBeNull();
  });

  it('stores a manager’s policy and answers it to everyone, with who set it and when', async () => {
    const reply = await h.call('PUT', '/v1/sla-policy', { token: h.manager.token, body: TEAM });
    expect(reply.status).toBe(200);
    const expected = { policy: TEAM, updated_at: NOW.toISOString(), updated_by: h.manager.id };
    expect(SlaPolicyReply.parse(reply.json)).toEqual(expected);
    expect(await currentPolicy(h.agent.token)).toEqual(expected);
    expect(await currentPolicy(h.agent2.token)).toEqual(expected);
  });
});

describe('the server applies the stored policy when it opens a follow-up', () => {
  it('gives a detractor ingested after the PUT the team’s due time and priority', async () => {
    await h.call('PUT', '/v1/sla-policy', { token: h.manager.token, body: TEAM });
    const nps = IngestResponseReply.parse(
      (await h.ingest({ survey_type: 'nps', score: 2, created_at: '2026-06-01T08:00:00.000Z' })).json,
    );
    expect(nps.followup).toMatchObject({ status: 'new', priority: 'urgent', due_at: '2026-06-01T12:00:00.000Z' });
    // CES keeps the default rules the policy gives it.
    const ces = IngestResponseReply.parse(
      (await h.ingest({ survey_type: 'ces', score: 1, created_at: '2026-06-01T08:00:00.000Z' })).json,
    );
    expect(ces.followup).toMatchObject({ priority: 'high', due_at: '2026-06-03T08:00:00.000Z' });
  });

  it('gives a passive’s follow-up, born by a mutation, the team’s rule for passives', async () => {
    await h.call('PUT', '/v1/sla-policy', { token: h.manager.token, body: TEAM });
    const passive = IngestResponseReply.parse(
      (await h.ingest({ score: 8, created_at: '2026-06-01T06:00:00.000Z' })).json,
    );
    expect(passive.followup).toBeNull();
    const reply = await h.mutate(h.agent.token, 'sla-client', [
      { id: 1, name: 'assign', args: { response_id: passive.response.id, assignee_id: h.agent.id } },
    ]);
    expect(reply.results).toEqual([{ id: 1, status: 'applied' }]);
    const { changes } = await h.pullAll(h.agent.token);
    const followup = changes.find((c) => c.kind === 'followup' && c.data.id === followupIdFor(passive.response.id));
    expect(followup?.data).toMatchObject({ priority: 'high', due_at: '2026-06-02T06:00:00.000Z' });
  });

  it('leaves follow-ups opened before a change as they were', async () => {
    await h.call('PUT', '/v1/sla-policy', { token: h.manager.token, body: DEFAULT_SLA_POLICY });
    const before = IngestResponseReply.parse((await h.ingest({ created_at: '2026-06-01T08:00:00.000Z' })).json);
    await h.call('PUT', '/v1/sla-policy', { token: h.manager.token, body: TEAM });
    const { changes } = await h.pullAll(h.agent.token);
    const held = changes.find((c) => c.kind === 'followup' && c.data.id === before.followup?.id);
    expect(held?.data).toMatchObject({ priority: 'high', due_at: '2026-06-03T08:00:00.000Z' });
  });
});

describe('a change of policy', () => {
  it('pokes every client so that it syncs and fetches the new policy', async () => {
    const controller = new AbortController();
    const res = await fetch(`${h.server.url}/v1/poke`, {
      headers: { authorization: `Bearer ${h.agent.token}` },
      signal: controller.signal,
    });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const pokes = () => text.split('event: changed').length - 1;
    const readUntil = async (count: number) => {
      while (pokes() < count) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the poke stream ended');
        text += value;
      }
    };
    await readUntil(1);
    await h.call('PUT', '/v1/sla-policy', { token: h.manager.token, body: TEAM });
    await readUntil(2);
    expect(pokes()).toBe(2);
    controller.abort();
    await reader.cancel().catch(() => undefined);
  });

  it('survives a restart of a server with a database file', async () => {
    const dir = tempDir();
    const own = await startHarness({ dbFile: dir.file('server.sqlite'), clock: () => NOW });
    try {
      await own.call('PUT', '/v1/sla-policy', { token: own.manager.token, body: TEAM });
      await own.server.restart();
      const reply = SlaPolicyReply.parse((await own.call('GET', '/v1/sla-policy', { token: own.agent.token })).json);
      expect(reply).toEqual({ policy: TEAM, updated_at: NOW.toISOString(), updated_by: own.manager.id });
    } finally {
      await own.close();
      dir.remove();
    }
  });
});
