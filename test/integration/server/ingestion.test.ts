import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestDeclineReply, IngestResponseReply } from '../../../common/api/ingestion.js';
import { ApiErrorBody } from '../../../common/api/errors.js';
import { startHarness, surveyResponse, type Harness } from './server-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ clock: () => new Date('2026-06-01T12:00:00.000Z') });
});
afterAll(async () => {
  await h.close();
});

const HOSTILE: readonly (readonly [string, string])[] = [
  ['HTML and script', '<script>alert("x")</script><img src=x onerror=alert(1)> &amp; <b>bold</b> \' " `'],
  ['100 KB of text', 'Långsamt och dyrt. '.repeat(5263).slice(0, 100_000)],
  ['right-to-left', 'الخدمة بطيئة جدا \u202Eevil\u202C שלום עולם'],
  ['emoji and combining marks', '😡👎🏽👨‍👩‍👧‍👦 e\u0301 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̲͗ 🇸🇪'],
  ['NUL and control characters', 'before\u0000after\u0001\u001f\u007f\r\n\ttab'],
  ['100 KB of NULs', '\u0000'.repeat(100_000)],
  ['JSON-looking text', '{"kind":"response","data":null}\\u0000 \\" ]} ,'],
];

describe('POST /v1/responses', () => {
  it('stores a detractor and opens a follow-up in status new with the SLA due time', async () => {
    const reply = await h.ingest({ created_at: '2026-06-01T10:00:00+02:00', tags: ['beta'] });
    expect(reply.status).toBe(201);
    const body = IngestResponseReply.parse(reply.json);
    expect(body.created).toBe(true);
    expect(body.response).toMatchObject({
      score: 3,
      created_at: '2026-06-01T08:00:00.000Z',
      tags: ['beta'],
      excluded_from_calculations: false,
    });
    expect(body.followup).toMatchObject({
      status: 'new',
      assignee_id: null,
      priority: 'high',
      due_at: '2026-06-03T08:00:00.000Z',
      response_id: body.response.id,
      version: 1,
    });
  });

  it('opens no follow-up for passives and promoters, nor for CES and CSAT outside the negative band', async () => {
    for (const [survey_type, score] of [
      ['nps', 7],
      ['nps', 10],
      ['ces', 4],
      ['csat', 3],
    ] as const) {
      const body = IngestResponseReply.parse((await h.ingest({ survey_type, score })).json);
      expect(body.followup).toBeNull();
    }
    for (const [survey_type, score] of [
      ['ces', 3],
      ['csat', 2],
    ] as const) {
      expect(IngestResponseReply.parse((await h.ingest({ survey_type, score })).json).followup).not.toBeNull();
    }
  });

  it('is idempotent by id: the same payload answers 200, another payload 409', async () => {
    const first = await h.ingest({ id: 'survey-abc-1' });
    expect(first.status).toBe(201);
    const again = await h.ingest({ id: 'survey-abc-1' });
    expect(again.status).toBe(200);
    expect(IngestResponseReply.parse(again.json)).toMatchObject({ created: false, response: { id: 'survey-abc-1' } });
    const clash = await h.ingest({ id: 'survey-abc-1', score: 9 });
    expect(clash.status).toBe(409);
    expect(ApiErrorBody.parse(clash.json).error.code).toBe('conflict');
  });

  it('matches respondents by external id, then e-mail in any case, and merges what it learns', async () => {
    const a = IngestResponseReply.parse((await h.ingest({ end_user: { email: 'Match.Me@Kund.example' } })).json);
    const b = IngestResponseReply.parse(
      (
        await h.ingest({
          end_user: { email: 'match.me@kund.example', external_id: 'cus_42', phone: '+46 70 123 45 67' },
        })
      ).json,
    );
    const c = IngestResponseReply.parse((await h.ingest({ end_user: { external_id: 'cus_42' } })).json);
    expect(new Set([a.response.end_user_id, b.response.end_user_id, c.response.end_user_id]).size).toBe(1);
    const anonymous1 = IngestResponseReply.parse((await h.ingest({ end_user: {} })).json);
    const anonymous2 = IngestResponseReply.parse((await h.ingest({ end_user: {} })).json);
    expect(anonymous1.response.end_user_id).not.toBe(anonymous2.response.end_user_id);
    const { changes } = await h.pullAll(h.manager.token);
    const respondent = changes.filter((x) => x.kind === 'respondent' && x.data.id === a.response.end_user_id);
    expect(respondent).toHaveLength(1);
    expect(respondent[0]?.data).toMatchObject({
      email: 'Match.Me@Kund.example',
      external_id: 'cus_42',
      phone: '+46 70 123 45 67',
    });
    // The respondent's change moved after its update, and its responses moved after it.
    const index = (pred: (x: (typeof changes)[number]) => boolean) => changes.findIndex(pred);
    const respondentAt = index((x) => x.kind === 'respondent' && x.data.id === a.response.end_user_id);
    const firstResponseAt = index((x) => x.kind === 'response' && x.data.id === a.response.id);
    expect(respondentAt).toBeLessThan(firstResponseAt);
  });

  it.each(HOSTILE)('stores and serves %s byte-exact', async (_name, text) => {
    const posted = await h.ingest({ text });
    expect(posted.status).toBe(201);
    const reply = IngestResponseReply.parse(posted.json);
    expect(reply.response.text).toBe(text);
    const { changes } = await h.pullAll(h.manager.token);
    const served = changes.find((x) => x.kind === 'response' && x.data.id === reply.response.id);
    expect(served?.kind === 'response' ? served.data.text : undefined).toBe(text);
    const exported = await h.call('GET', `/v1/respondents/${reply.response.end_user_id}/export`, {
      token: h.manager.token,
    });
    expect(
      (exported.json as { responses: { id: string; text: string }[] }).responses.find((x) => x.id === reply.response.id)
        ?.text,
    ).toBe(text);
  });

  it('refuses text that cannot be stored byte-exact (a lone surrogate) and text over 100,000 characters', async () => {
    const lone = await h.call('POST', '/v1/responses', {
      token: h.ingestKey,
      rawBody: JSON.stringify(surveyResponse({ text: 'x' })).replace('"x"', '"\\ud800"'),
    });
    expect(lone.status).toBe(400);
    expect(ApiErrorBody.parse(lone.json).error.issues?.[0]?.path).toBe('body.text');
    expect((await h.ingest({ text: 'x'.repeat(100_001) })).status).toBe(400);
  });
});

describe('POST /v1/declines', () => {
  it('stores a decline, idempotently, and it opens nothing', async () => {
    const body = {
      id: 'dec-1',
      end_user: { email: 'no-thanks@kund.example' },
      survey_type: 'csat',
      channel: 'in_app',
      product: 'Insights',
    };
    const first = await h.call('POST', '/v1/declines', { token: h.ingestKey, body });
    expect(first.status).toBe(201);
    expect(IngestDeclineReply.parse(first.json).decline).toMatchObject({ id: 'dec-1', origin_url: null });
    expect((await h.call('POST', '/v1/declines', { token: h.ingestKey, body })).status).toBe(200);
    expect(
      (await h.call('POST', '/v1/declines', { token: h.ingestKey, body: { ...body, product: 'Ledger' } })).status,
    ).toBe(409);
    // An id is either a response or a decline.
    expect((await h.ingest({ id: 'dec-1' })).status).toBe(409);
  });

  it('accepts a manager’s token as well as an ingestion key', async () => {
    expect((await h.call('POST', '/v1/responses', { token: h.manager.token, body: surveyResponse() })).status).toBe(
      201,
    );
  });
});
