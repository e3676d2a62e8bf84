// Every endpoint, bad input: tokens, roles, malformed JSON, wrong types, unknown fields,
// oversized bodies and media types — and every failure has the ApiErrorBody shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, DEFAULT_MAX_BODY_BYTES, type ApiRoute } from '../../../common/api/routes.js';
import { ApiErrorBody } from '../../../common/api/errors.js';
import type { ApiErrorCode } from '../../../common/api/error-codes.js';
import { startHarness, type Harness, type Reply } from './server-harness.js';

let h: Harness;
let respondentId: string;

beforeAll(async () => {
  h = await startHarness();
  const reply = await h.ingest({});
  respondentId = (reply.json as { response: { end_user_id: string } }).response.end_user_id;
});
afterAll(async () => {
  await h.close();
});

const ROUTES = Object.values(API_ROUTES) as ApiRoute[];

function pathOf(route: ApiRoute): string {
  return route.path.replace('{id}', respondentId);
}

function expectError(reply: Reply, status: number, code: ApiErrorCode): void {
  expect({ status: reply.status, body: reply.json }).toMatchObject({ status, body: { error: { code } } });
  expect(ApiErrorBody.safeParse(reply.json).success).toBe(true);
  expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
}

function tokenFor(route: ApiRoute): string {
  return route.auth === 'ingest' ? h.ingestKey : h.manager.token;
}

describe.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (_name, route) => {
  it('answers 401 without a token, with a malformed header and with an unknown token', async () => {
    const none = await h.call(route.method, pathOf(route));
    expectError(none, 401, 'unauthorized');
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectError(
      await h.call(route.method, pathOf(route), { headers: { authorization: 'Basic abc' } }),
      401,
      'unauthorized',
    );
    expectError(await h.call(route.method, pathOf(route), { token: 'ldk_not-a-real-token' }), 401, 'unauthorized');
  });

  it('answers 403 to a token whose role may not call it', async () => {
    const wrong = route.auth === 'ingest' ? h.agent.token : route.auth === 'manager' ? h.agent.token : h.ingestKey;
    expectError(await h.call(route.method, pathOf(route), { token: wrong }), 403, 'forbidden');
  });

  if (route.query) {
    it('refuses unknown query parameters', async () => {
      expectError(
        await h.call(route.method, `${pathOf(route)}?surprise=1`, { token: tokenFor(route) }),
        400,
        'invalid_request',
      );
    });
  }

  if (route.body) {
    it('refuses malformed JSON, invalid UTF-8 and an empty JSON body', async () => {
      const token = tokenFor(route);
      expectError(await h.call(route.method, pathOf(route), { token, rawBody: '{"a": ' }), 400, 'malformed_json');
      expectError(
        await h.call(route.method, pathOf(route), { token, rawBody: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]) }),
        400,
        'malformed_json',
      );
      expectError(await h.call(route.method, pathOf(route), { token, rawBody: '' }), 400, 'malformed_json');
      expectError(
        await h.call(route.method, pathOf(route), { token, rawBody: '{"__proto__": {"x": 1}}' }),
        400,
        'malformed_json',
      );
    });

    it('refuses wrong types and unknown fields with the path of the issue', async () => {
      const token = tokenFor(route);
      expectError(await h.call(route.method, pathOf(route), { token, body: [1, 2, 3] }), 400, 'invalid_request');
      const unknown = await h.call(route.method, pathOf(route), { token, body: { surprise: true } });
      expectError(unknown, 400, 'invalid_request');
      expect(ApiErrorBody.parse(unknown.json).error.issues?.length).toBeGreaterThan(0);
    });

    it('answers 413 to a body one byte over its limit', async () => {
      const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const rawBody = `{"pad":"${'x'.repeat(limit - 9)}"}`;
      expect(Buffer.byteLength(rawBody)).toBe(limit + 1);
      expectError(
        await h.call(route.method, pathOf(route), { token: tokenFor(route), rawBody }),
        413,
        'payload_too_large',
      );
    });

    it('answers 415 to a body that is not JSON', async () => {
      expectError(
        await h.call(route.method, pathOf(route), {
          token: tokenFor(route),
          rawBody: 'name=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
        415,
        'unsupported_media_type',
      );
    });
  }
});

describe('routing and specific validation', () => {
  it('answers 404 for unknown paths and 405 for a known path with another method', async () => {
    expectError(await h.call('GET', '/v1/nope', { token: h.agent.token }), 404, 'not_found');
    const wrongMethod = await h.call('DELETE', '/v1/mutations', { token: h.agent.token });
    expectError(wrongMethod, 405, 'method_not_allowed');
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('answers 404 for a respondent that does not exist', async () => {
    expectError(await h.call('GET', '/v1/respondents/eu_missing/export', { token: h.manager.token }), 404, 'not_found');
    const longId = await h.call('GET', `/v1/respondents/${'x'.repeat(128)}/export`, { token: h.manager.token });
    expectError(longId, 404, 'not_found');
    expect(ApiErrorBody.parse(longId.json).error.message).toMatch(/^Respondent x+ was not found/);
    expectError(
      await h.call('GET', `/v1/respondents/${'x'.repeat(129)}/export`, { token: h.manager.token }),
      400,
      'invalid_request',
    );
    expectError(
      await h.call('PUT', '/v1/respondents/eu_missing/objection', { token: h.agent.token, body: { objected: true } }),
      404,
      'not_found',
    );
  });

  it('names the field in an issue: a score out of range, a wrong type, a bad limit', async () => {
    const score = await h.ingest({ survey_type: 'csat', score: 7 });
    expectError(score, 400, 'invalid_request');
    expect(ApiErrorBody.parse(score.json).error.issues).toEqual([
      { path: 'body.score', message: 'CSAT scores are whole numbers from 1 to 5' },
    ]);
    const type = await h.ingest({ score: 'ten' });
    expect(ApiErrorBody.parse(type.json).error.issues?.[0]?.path).toBe('body.score');
    const limit = await h.call('GET', '/v1/changes?limit=0', { token: h.agent.token });
    expect(ApiErrorBody.parse(limit.json).error.issues?.[0]?.path).toBe('query.limit');
  });

  it('accepts an erasure without a body', async () => {
    const reply = await h.ingest({ end_user: { email: 'erase-me@kund.example' } });
    const id = (reply.json as { response: { end_user_id: string } }).response.end_user_id;
    expect((await h.call('POST', `/v1/respondents/${id}/erasure`, { token: h.manager.token })).status).toBe(200);
  });
});
