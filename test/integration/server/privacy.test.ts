import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditReply, ErasureReply, RespondentExport, RespondentReply } from '../../../common/api/privacy.js';
import { IngestResponseReply } from '../../../common/api/ingestion.js';
import { ApiErrorBody } from '../../../common/api/errors.js';
import { startHarness, type Harness } from './server-harness.js';

let h: Harness;
let n = 0;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** A respondent with two answers, a follow-up with a contact and a note, and a notification. */
async function respondentWithHistory(): Promise<{ id: string; email: string; responses: string[] }> {
  n += 1;
  const email = `private${n}@kund.example`;
  const a = IngestResponseReply.parse(
    (await h.ingest({ end_user: { email, name: 'Siv Ågren' }, text: 'Dålig support.' })).json,
  );
  const b = IngestResponseReply.parse(
    (await h.ingest({ end_user: { email }, score: 10, text: 'Nu är det bra!' })).json,
  );
  await h.call('POST', '/v1/declines', {
    token: h.ingestKey,
    body: { end_user: { email }, survey_type: 'ces', channel: 'web', product: 'Ledger' },
  });
  const r = a.response.id;
  const reply = await h.mutate(h.agent.token, `privacy-client-${n}`, [
    { id: 1, name: 'assign', args: { response_id: r, assignee_id: h.agent.id } },
    {
      id: 2,
      name: 'log_contact',
      args: {
        response_id: r,
        contact_id: `pc-${n}`,
        channel: 'email',
        direction: 'outbound',
        outcome: 'reached',
        note: 'Mailade Siv.',
        contacted_at: '2026-05-02T10:00:00Z',
      },
    },
    { id: 3, name: 'add_note', args: { response_id: r, note_id: `pn-${n}`, text: 'Siv är missnöjd.' } },
    {
      id: 4,
      name: 'mark_done',
      args: {
        response_id: r,
        action_summary: 'Bytte handläggare.',
        root_causes: ['support-process'],
        inform: { message: 'Hej Siv!', language: 'sv' },
      },
    },
  ]);
  expect(reply.results.every((x) => x.status === 'applied')).toBe(true);
  return { id: a.response.end_user_id, email, responses: [a.response.id, b.response.id] };
}

describe('respondent privacy', () => {
  it('exports everything held about a respondent, follow-ups included, and audits the read', async () => {
    const { id, responses } = await respondentWithHistory();
    const reply = await h.call('GET', `/v1/respondents/${id}/export`, { token: h.manager.token });
    expect(reply.status).toBe(200);
    const exported = RespondentExport.parse(reply.json);
    expect(exported.respondent).toMatchObject({ id, name: 'Siv Ågren' });
    expect(exported.responses.map((r) => r.id).sort()).toEqual([...responses].sort());
    expect(exported.declines).toHaveLength(1);
    expect(exported.followups).toHaveLength(1);
    expect(exported.followups[0]?.events.map((e) => e.data.kind)).toContain('contact_logged');
    expect(exported.notifications.map((x) => x.message)).toEqual(['Hej Siv!']);
    expect(exported.exported_by).toBe(h.manager.id);
    expect(exported.audit.map((a) => [a.action, a.actor_id])).toEqual([['export', h.manager.id]]);
  });

  it('erases a respondent: data gone, earlier changes out of the feed, a tombstone in, audited', async () => {
    const { id, email } = await respondentWithHistory();
    const before = await h.pullAll(h.agent.token);
    expect(JSON.stringify(before.changes)).toContain(id);
    const reply = await h.call('POST', `/v1/respondents/${id}/erasure`, {
      token: h.manager.token,
      body: { reason: 'Asked by e-mail' },
    });
    expect(reply.status).toBe(200);
    expect(ErasureReply.parse(reply.json)).toMatchObject({
      erasure: { end_user_id: id },
      deleted: { responses: 2, declines: 1, followups: 1 },
    });
    // A client that already had the data gets the tombstone; a fresh one never sees the person.
    const incremental = await h.pullAll(h.agent.token, before.cursor);
    expect(incremental.changes.map((c) => [c.kind, c.kind === 'erasure' ? c.data.end_user_id : null])).toEqual([
      ['erasure', id],
    ]);
    const fresh = await h.pullAll(h.agent.token);
    const mentions = fresh.changes.filter((c) => JSON.stringify(c).includes(id));
    expect(mentions.map((c) => c.kind)).toEqual(['erasure']);
    expect(JSON.stringify(fresh.changes)).not.toContain(email);
    expect((await h.call('GET', `/v1/respondents/${id}/export`, { token: h.manager.token })).status).toBe(404);
    const audit = AuditReply.parse(
      (await h.call('GET', `/v1/audit?end_user_id=${id}`, { token: h.manager.token })).json,
    );
    expect(audit.entries[0]).toMatchObject({
      action: 'erasure',
      actor_id: h.manager.id,
      details: { reason: 'Asked by e-mail', responses: 2 },
    });
    const notifications = await h.call('GET', `/v1/notifications?end_user_id=${id}`, { token: h.manager.token });
    expect(notifications.json).toEqual({ notifications: [] });
  });

  it('refuses erasure and export to agents', async () => {
    const { id } = await respondentWithHistory();
    for (const [method, path] of [
      ['POST', `/v1/respondents/${id}/erasure`],
      ['GET', `/v1/respondents/${id}/export`],
      ['GET', '/v1/audit'],
    ] as const) {
      const reply = await h.call(method, path, { token: h.agent.token, ...(method === 'POST' ? { body: {} } : {}) });
      expect(reply.status).toBe(403);
      expect(ApiErrorBody.parse(reply.json).error.code).toBe('forbidden');
    }
  });

  it('rectifies fields, writes a respondent change after the respondent’s responses, and audits field names only', async () => {
    const { id } = await respondentWithHistory();
    const { cursor } = await h.pullAll(h.agent.token);
    const reply = await h.call('PATCH', `/v1/respondents/${id}`, {
      token: h.agent.token,
      body: { name: 'Siv Åhlén', phone: '+46 8 123 456', email: null, reason: 'Married, new name' },
    });
    expect(reply.status).toBe(200);
    expect(RespondentReply.parse(reply.json).respondent).toMatchObject({
      name: 'Siv Åhlén',
      phone: '+46 8 123 456',
      email: null,
    });
    const incremental = await h.pullAll(h.agent.token, cursor);
    expect(incremental.changes[0]).toMatchObject({ kind: 'respondent', data: { id, name: 'Siv Åhlén' } });
    expect(
      incremental.changes
        .slice(1)
        .map((c) => c.kind)
        .sort(),
    ).toEqual(['decline', 'followup', ...Array<string>(8).fill('followup_event'), 'response', 'response'].sort());
    const audit = AuditReply.parse(
      (await h.call('GET', `/v1/audit?end_user_id=${id}`, { token: h.manager.token })).json,
    );
    expect(audit.entries[0]).toMatchObject({
      action: 'rectification',
      actor_id: h.agent.id,
      details: { fields: ['email', 'name', 'phone'] },
    });
    expect(JSON.stringify(audit.entries)).not.toContain('Åhlén');
    const empty = await h.call('PATCH', `/v1/respondents/${id}`, { token: h.agent.token, body: { reason: 'nothing' } });
    expect(empty.status).toBe(400);
  });

  it('lets any staff member restrict or record an objection, and only a manager lift them', async () => {
    const { id, responses } = await respondentWithHistory();
    for (const [flag, path] of [
      ['restricted', 'restriction'],
      ['objected', 'objection'],
    ] as const) {
      const set = await h.call('PUT', `/v1/respondents/${id}/${path}`, {
        token: h.agent.token,
        body: { [flag]: true, reason: 'Phoned in' },
      });
      expect(RespondentReply.parse(set.json).respondent[flag]).toBe(true);
      const lift = await h.call('PUT', `/v1/respondents/${id}/${path}`, {
        token: h.agent.token,
        body: { [flag]: false },
      });
      expect(lift.status).toBe(403);
      const blocked = await h.mutate(h.agent2.token, `flag-${path}-${n}`, [
        {
          id: 1,
          name: 'log_contact',
          args: {
            response_id: responses[1],
            contact_id: `flag-${path}-${n}`,
            channel: 'phone',
            direction: 'outbound',
            outcome: 'reached',
            note: '',
            contacted_at: '2026-05-03T10:00:00Z',
          },
        },
      ]);
      expect(blocked.results[0]).toMatchObject({ status: 'rejected', code: 'not_contactable' });
      const lifted = await h.call('PUT', `/v1/respondents/${id}/${path}`, {
        token: h.manager.token,
        body: { [flag]: false },
      });
      expect(RespondentReply.parse(lifted.json).respondent[flag]).toBe(false);
    }
    const audit = AuditReply.parse(
      (await h.call('GET', `/v1/audit?end_user_id=${id}`, { token: h.manager.token })).json,
    );
    expect(audit.entries.map((e) => [e.action, e.actor_id, e.details])).toEqual([
      ['objection', h.manager.id, { objected: false, reason: null }],
      ['objection', h.agent.id, { objected: true, reason: 'Phoned in' }],
      ['restriction', h.manager.id, { restricted: false, reason: null }],
      ['restriction', h.agent.id, { restricted: true, reason: 'Phoned in' }],
    ]);
  });
});
