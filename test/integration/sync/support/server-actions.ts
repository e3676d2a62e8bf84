// What happens on the server side during a test: a survey answer arrives, a manager erases
// a respondent. Through the real API, as in production.
import { expect } from 'vitest';
import type { IngestResponseReply } from '../../../../common/api/ingestion.js';
import type { ReferenceServer } from '../../../../server/index.js';
import { call, surveyResponse } from '../../server/server-harness.js';
import { manager } from './sync-harness.js';

let answers = 0;

/** A fresh detractor answer (a follow-up opens with it); returns its ids. */
export async function ingestAnswer(
  server: ReferenceServer,
  overrides: Record<string, unknown> = {},
): Promise<{ responseId: string; endUserId: string }> {
  answers += 1;
  const reply = await call(server.url, 'POST', '/v1/responses', {
    token: server.ingestKey,
    body: surveyResponse({
      end_user: { email: `answer${answers}@kund.example`, name: `Answer ${answers}` },
      ...overrides,
    }),
  });
  expect(reply.status).toBe(201);
  const body = reply.json as IngestResponseReply;
  return { responseId: body.response.id, endUserId: body.response.end_user_id };
}

export async function eraseOnServer(server: ReferenceServer, endUserId: string): Promise<void> {
  const reply = await call(server.url, 'POST', `/v1/respondents/${endUserId}/erasure`, {
    token: manager(server).token,
    body: {},
  });
  expect(reply.status, reply.text).toBe(200);
}
