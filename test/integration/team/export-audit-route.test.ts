// POST /v1/audit/exports: a client's export lands in the audit trail that GET /v1/audit
// lists, attributed to the token's staff member, once however often it is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportAuditReply, type ExportAuditBody } from '../../../common/api/export-audit.js';
import { AuditReply } from '../../../common/api/privacy.js';
import { ApiErrorBody } from '../../../common/api/errors.js';
import { startHarness, type Harness } from '../server/server-harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const body = (exportId: string, overrides: Partial<ExportAuditBody> = {}): ExportAuditBody => ({
  export_id: exportId,
  exported_at: '2026-03-02T09:30:00.000Z',
  kind: 'queue',
  format: 'csv',
  filter: ['status = ["new","assigned"]', 'sort = received desc'],
  columns: ['response_id', 'score', 'respondent_email'],
  personal_data: true,
  row_count: 42,
  ...overrides,
});

describe('POST /v1/audit/exports', () => {
  it('records an agent’s export for managers to read in GET /v1/audit', async () => {
    const reply = await h.call('POST', '/v1/audit/exports', { token: h.agent.token, body: body('ex-1') });
    expect(reply.status).toBe(201);
    const { entry } = ExportAuditReply.parse(reply.json);
    expect(entry).toMatchObject({ action: 'bulk_export', actor_id: h.agent.id, end_user_id: null });
    expect(entry.details).toMatchObject({ export_id: 'ex-1', personal_data: true, row_count: 42 });

    const audit = AuditReply.parse((await h.call('GET', '/v1/audit', { token: h.manager.token })).json);
    const listed = audit.entries.find((e) => e.id === entry.id);
    expect(listed?.details.columns).toEqual(['response_id', 'score', 'respondent_email']);
    expect(listed?.details.filter).toEqual(['status = ["new","assigned"]', 'sort = received desc']);
  });

  it('answers a resent record with the entry already written, not a second one', async () => {
    const first = ExportAuditReply.parse(
      (await h.call('POST', '/v1/audit/exports', { token: h.agent.token, body: body('ex-2') })).json,
    );
    const again = await h.call('POST', '/v1/audit/exports', { token: h.agent.token, body: body('ex-2') });
    expect(again.status).toBe(200);
    expect(ExportAuditReply.parse(again.json).entry.id).toBe(first.entry.id);
    const audit = AuditReply.parse((await h.call('GET', '/v1/audit?limit=1000', { token: h.manager.token })).json);
    expect(audit.entries.filter((e) => e.details.export_id === 'ex-2')).toHaveLength(1);
  });

  it('keeps a selection’s response ids', async () => {
    const reply = await h.call('POST', '/v1/audit/exports', {
      token: h.manager.token,
      body: body('ex-3', { kind: 'selection', response_ids: ['r_1', 'r_2'], filter: [] }),
    });
    expect(ExportAuditReply.parse(reply.json).entry.details.response_ids).toEqual(['r_1', 'r_2']);
  });

  it('refuses an ingestion key, and a body that is not an export record', async () => {
    const key = await h.call('POST', '/v1/audit/exports', { token: h.ingestKey, body: body('ex-4') });
    expect(key.status).toBe(403);
    const bad = await h.call('POST', '/v1/audit/exports', { token: h.agent.token, body: { export_id: 'ex-5' } });
    expect(bad.status).toBe(400);
    expect(ApiErrorBody.parse(bad.json).error.code).toBe('invalid_request');
  });
});
