import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followupIdFor, type Followup, type FollowupEvent } from '../../../common/api/records.js';
import { NotificationsReply } from '../../../common/api/notifications.js';
import type { IngestResponseReply } from '../../../common/api/ingestion.js';
import { ApiErrorBody } from '../../../common/api/errors.js';
import { startHarness, type Harness } from './server-harness.js';

let h: Harness;
let seq = 0;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** A fresh response (detractor unless told otherwise); returns its id. */
async function newResponse(overrides: Record<string, unknown> = {}): Promise<string> {
  seq += 1;
  const reply = await h.ingest({ end_user: { email: `person${seq}@kund.example` }, ...overrides });
  expect(reply.status).toBe(201);
  return (reply.json as IngestResponseReply).response.id;
}

async function followupOf(responseId: string): Promise<{ followup: Followup; events: FollowupEvent[] }> {
  const { changes } = await h.pullAll(h.manager.token);
  const id = followupIdFor(responseId);
  let followup: Followup | undefined;
  const events: FollowupEvent[] = [];
  for (const c of changes) {
    if (c.kind === 'followup' && c.data.id === id) followup = c.data;
    if (c.kind === 'followup_event' && c.data.followup_id === id) events.push(c.data);
  }
  if (!followup) throw new Error(`no follow-up for ${responseId}`);
  return { followup, events };
}

const contact = (response_id: string, contact_id: string) => ({
  response_id,
  contact_id,
  channel: 'phone',
  direction: 'outbound',
  outcome: 'reached',
  note: 'Spoke with Karin.',
  contacted_at: '2026-05-20T09:30:00+02:00',
});

describe('POST /v1/mutations', () => {
  it('applies a follow-up loop end to end: assign, contact, note, done with inform → informed', async () => {
    const r = await newResponse();
    const reply = await h.mutate(h.agent.token, 'client-loop-1', [
      { id: 1, name: 'assign', args: { response_id: r, assignee_id: h.agent.id } },
      { id: 2, name: 'log_contact', args: contact(r, `c-${r}`) },
      { id: 3, name: 'add_note', args: { response_id: r, note_id: `n-${r}`, text: 'Escalated to product.' } },
      { id: 4, name: 'set_tags', args: { response_id: r, tags: ['churn-risk', 'churn-risk', 'export'] } },
      { id: 5, name: 'set_priority', args: { response_id: r, priority: 'urgent' } },
      { id: 6, name: 'set_due', args: { response_id: r, due_at: '2026-06-03T10:00:00+02:00' } },
      {
        id: 7,
        name: 'mark_done',
        args: {
          response_id: r,
          action_summary: 'Fixed the export bug.',
          root_causes: ['bug'],
          inform: { message: 'Hej Karin, felet är rättat.', language: 'sv' },
        },
      },
    ]);
    expect(reply.results.map((x) => x.status)).toEqual(Array(7).fill('applied'));
    expect(reply.last_mutation_id).toBe(7);
    const { followup, events } = await followupOf(r);
    expect(followup).toMatchObject({
      status: 'informed',
      assignee_id: h.agent.id,
      first_contact_at: '2026-05-20T07:30:00.000Z',
      tags: ['churn-risk', 'export'],
      priority: 'urgent',
      due_at: '2026-06-03T08:00:00.000Z',
      action_summary: 'Fixed the export bug.',
      root_causes: ['bug'],
    });
    expect(followup.done_at).not.toBeNull();
    expect(followup.informed_at).not.toBeNull();
    expect(events.map((e) => e.data.kind)).toEqual([
      'created',
      'assigned',
      'status_set',
      'status_set',
      'contact_logged',
      'note_added',
      'tags_set',
      'priority_set',
      'due_set',
      'done',
      'informed',
    ]);
    expect(events.every((e) => e.actor_id === h.agent.id || e.actor_id === 'system')).toBe(true);
    const notes = await h.call('GET', `/v1/notifications?followup_id=${followup.id}`, { token: h.agent.token });
    const list = NotificationsReply.parse(notes.json).notifications;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ message: 'Hej Karin, felet är rättat.', language: 'sv', sent_by: h.agent.id });
    expect(list[0]?.to_email).toMatch(/@kund\.example$/);
    // Agents see what they sent or own; managers see everything.
    const other = await h.call('GET', `/v1/notifications?followup_id=${followup.id}`, { token: h.agent2.token });
    expect(NotificationsReply.parse(other.json).notifications).toEqual([]);
    const manager = await h.call('GET', `/v1/notifications?followup_id=${followup.id}`, { token: h.manager.token });
    expect(NotificationsReply.parse(manager.json).notifications).toHaveLength(1);
  });

  it('bumps the version once per applied mutation and leaves no-ops alone', async () => {
    const r = await newResponse();
    const before = (await followupOf(r)).followup.version;
    const reply = await h.mutate(h.agent.token, 'client-version-1', [
      { id: 1, name: 'set_priority', args: { response_id: r, priority: 'urgent' } },
      { id: 2, name: 'set_priority', args: { response_id: r, priority: 'urgent' } },
      { id: 3, name: 'assign', args: { response_id: r, assignee_id: h.agent2.id } },
    ]);
    expect(reply.results.map((x) => x.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await followupOf(r)).followup.version).toBe(before + 2);
  });

  it('creates the follow-up of a non-detractor on first use', async () => {
    const r = await newResponse({ score: 9, text: 'Toppen!' });
    const ingested = await h.pullAll(h.manager.token);
    expect(ingested.changes.some((c) => c.kind === 'followup' && c.data.response_id === r)).toBe(false);
    const reply = await h.mutate(h.agent.token, 'client-first-use', [
      { id: 1, name: 'add_note', args: { response_id: r, note_id: `n-${r}`, text: 'Ask for a case study.' } },
    ]);
    expect(reply.results[0]?.status).toBe('applied');
    const { followup, events } = await followupOf(r);
    expect(followup).toMatchObject({ id: followupIdFor(r), status: 'new', priority: 'low', due_at: null, version: 2 });
    expect(events.map((e) => [e.data.kind, e.actor_id])).toEqual([
      ['created', h.agent.id],
      ['note_added', h.agent.id],
    ]);
  });

  it('answers duplicate for a replayed id and 422 for a reused id with another payload', async () => {
    const r = await newResponse();
    const m1 = { id: 1, name: 'set_priority', args: { response_id: r, priority: 'urgent' } };
    expect((await h.mutate(h.agent.token, 'client-dup-1', [m1])).results).toEqual([{ id: 1, status: 'applied' }]);
    const again = await h.mutate(h.agent.token, 'client-dup-1', [
      m1,
      { id: 2, name: 'set_priority', args: { response_id: r, priority: 'low' } },
    ]);
    expect(again.results).toEqual([
      { id: 1, status: 'duplicate' },
      { id: 2, status: 'applied' },
    ]);
    const reused = await h.call('POST', '/v1/mutations', {
      token: h.agent.token,
      body: {
        client_id: 'client-dup-1',
        mutations: [
          { id: 2, name: 'set_priority', args: { response_id: r, priority: 'high' } },
          { id: 3, name: 'set_priority', args: { response_id: r, priority: 'high' } },
        ],
      },
    });
    expect(reused.status).toBe(422);
    expect(ApiErrorBody.parse(reused.json).error.code).toBe('mutation_id_reused');
    // Nothing of the refused batch was applied: id 3 is still new.
    expect((await followupOf(r)).followup.priority).toBe('low');
    const later = await h.mutate(h.agent.token, 'client-dup-1', [
      { id: 3, name: 'set_priority', args: { response_id: r, priority: 'high' } },
    ]);
    expect(later).toEqual({ results: [{ id: 3, status: 'applied' }], last_mutation_id: 3 });
  });

  it('treats the same payload with keys in another order as the same mutation', async () => {
    const r = await newResponse();
    await h.mutate(h.agent.token, 'client-order-1', [{ id: 1, name: 'unassign', args: { response_id: r } }]);
    const replay = await h.mutate(h.agent.token, 'client-order-1', [
      { args: { response_id: r }, name: 'unassign', id: 1 },
    ]);
    expect(replay.results).toEqual([{ id: 1, status: 'duplicate' }]);
  });

  it('rejects with a reason, and a rejection never blocks the next mutations', async () => {
    const r = await newResponse();
    const reply = await h.mutate(h.agent.token, 'client-reject-1', [
      { id: 1, name: 'set_status', args: { response_id: r, status: 'done' } },
      { id: 2, name: 'set_status', args: { response_id: r, status: 'closed_no_action' } },
      { id: 3, name: 'assign', args: { response_id: r, assignee_id: 'st_nobody' } },
      { id: 4, name: 'mark_informed', args: { response_id: r, how: 'direct' } },
      { id: 5, name: 'no_such_mutation', args: {} },
      { id: 6, name: 'set_priority', args: { response_id: r, priority: 'weird' } },
      { id: 7, name: 'set_priority', args: { response_id: 'r_missing', priority: 'low' } },
      { id: 8, name: 'mark_done', args: { response_id: r, action_summary: 'x', root_causes: [] } },
      { id: 9, name: 'set_priority', args: { response_id: r, priority: 'high' } },
    ]);
    const byId = new Map(reply.results.map((x) => [x.id, x]));
    const code = (id: number) => {
      const result = byId.get(id);
      return result?.status === 'rejected' ? result.code : result?.status;
    };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(code)).toEqual([
      'invalid_transition',
      'invalid_args',
      'not_found',
      'invalid_transition',
      'invalid_args',
      'invalid_args',
      'not_found',
      'invalid_args',
      'applied',
    ]);
    for (const result of reply.results) {
      if (result.status === 'rejected') expect(result.reason.length).toBeGreaterThan(10);
    }
    expect(reply.last_mutation_id).toBe(9);
    expect((await followupOf(r)).followup.priority).toBe('high');
  });

  it('refuses log_contact for objected or restricted respondents and on declines, with a clear reason', async () => {
    const objected = await newResponse({ end_user: { email: 'objects@kund.example' } });
    const restricted = await newResponse({ end_user: { email: 'restricts@kund.example' } });
    const unreachable = await newResponse({ end_user: { name: 'Anonymous' } });
    const find = async (id: string) => {
      const { changes } = await h.pullAll(h.manager.token);
      const found = changes.find((c) => c.kind === 'response' && c.data.id === id);
      return found?.kind === 'response' ? found.data.end_user_id : '';
    };
    expect(
      (
        await h.call('PUT', `/v1/respondents/${await find(objected)}/objection`, {
          token: h.agent.token,
          body: { objected: true },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await h.call('PUT', `/v1/respondents/${await find(restricted)}/restriction`, {
          token: h.agent.token,
          body: { restricted: true },
        })
      ).status,
    ).toBe(200);
    const decline = await h.call('POST', '/v1/declines', {
      token: h.ingestKey,
      body: { end_user: { email: 'decliner@kund.example' }, survey_type: 'nps', channel: 'email', product: 'Ledger' },
    });
    expect(decline.status).toBe(201);
    const declineId = (decline.json as { decline: { id: string } }).decline.id;
    const reply = await h.mutate(h.agent.token, 'client-gate-1', [
      { id: 1, name: 'log_contact', args: contact(objected, 'c-gate-1') },
      { id: 2, name: 'log_contact', args: contact(restricted, 'c-gate-2') },
      { id: 3, name: 'log_contact', args: contact(declineId, 'c-gate-3') },
      { id: 4, name: 'log_contact', args: contact(unreachable, 'c-gate-4') },
      { id: 5, name: 'assign', args: { response_id: objected, assignee_id: h.agent.id } },
      {
        id: 6,
        name: 'mark_done',
        args: {
          response_id: objected,
          action_summary: 'Noted.',
          root_causes: ['bug'],
          inform: { message: 'Hi', language: 'en' },
        },
      },
    ]);
    const reasons = reply.results.map((x) => (x.status === 'rejected' ? [x.code, x.reason] : [x.status]));
    expect(reasons[0]).toEqual(['not_contactable', expect.stringContaining('objected')]);
    expect(reasons[1]).toEqual(['not_contactable', expect.stringContaining('restricted')]);
    expect(reasons[2]).toEqual(['not_contactable', expect.stringContaining('declined')]);
    expect(reasons[3]).toEqual(['not_contactable', expect.stringContaining('No e-mail address or phone number')]);
    expect(reasons[4]).toEqual(['applied']);
    expect(reasons[5]).toEqual(['not_contactable', expect.stringContaining('objected')]);
  });

  it('lets only the author or a manager edit a note', async () => {
    const r = await newResponse();
    await h.mutate(h.agent.token, 'client-note-a', [
      { id: 1, name: 'add_note', args: { response_id: r, note_id: `note-${r}`, text: 'v1' } },
    ]);
    const other = await h.mutate(h.agent2.token, 'client-note-b', [
      { id: 1, name: 'edit_note', args: { response_id: r, note_id: `note-${r}`, text: 'v2' } },
      { id: 2, name: 'add_note', args: { response_id: r, note_id: `note-${r}`, text: 'again' } },
    ]);
    expect(other.results.map((x) => (x.status === 'rejected' ? x.code : x.status))).toEqual(['forbidden', 'conflict']);
    const manager = await h.mutate(h.manager.token, 'client-note-m', [
      { id: 1, name: 'edit_note', args: { response_id: r, note_id: `note-${r}`, text: 'v3' } },
    ]);
    expect(manager.results[0]?.status).toBe('applied');
  });

  it('rejects a whole batch with 400 when an id is missing or ids go down', async () => {
    const bad = await h.call('POST', '/v1/mutations', {
      token: h.agent.token,
      body: {
        client_id: 'client-bad-ids',
        mutations: [
          { id: 2, name: 'unassign', args: {} },
          { id: 1, name: 'unassign', args: {} },
        ],
      },
    });
    expect(bad.status).toBe(400);
    const missing = await h.call('POST', '/v1/mutations', {
      token: h.agent.token,
      body: { client_id: 'client-bad-ids', mutations: [{ name: 'unassign', args: {} }] },
    });
    expect(missing.status).toBe(400);
    expect(ApiErrorBody.parse(missing.json).error.issues?.[0]?.path).toBe('mutations.0.id');
  });

  it('converges when two clients post mutations at the same time', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5].map(() => newResponse()));
    const batch = (assignee: string, priority: string) =>
      ids.flatMap((r, i) => [
        { id: i * 3 + 1, name: 'assign', args: { response_id: r, assignee_id: assignee } },
        { id: i * 3 + 2, name: 'set_priority', args: { response_id: r, priority } },
        { id: i * 3 + 3, name: 'add_note', args: { response_id: r, note_id: `conc-${assignee}-${r}`, text: assignee } },
      ]);
    const [a, b] = await Promise.all([
      h.mutate(h.agent.token, 'client-conc-a', batch(h.agent.id, 'high')),
      h.mutate(h.agent2.token, 'client-conc-b', batch(h.agent2.id, 'urgent')),
    ]);
    expect([...a.results, ...b.results].every((x) => x.status === 'applied')).toBe(true);
    // Two readers that pull independently (one from the start, one incrementally) agree.
    const full = await h.pullAll(h.agent.token);
    const viaSmallPages = await h.pullAll(h.agent2.token, undefined, 7);
    const state = (changes: typeof full.changes) =>
      ids.map((r) => {
        const f = changes.filter((c) => c.kind === 'followup' && c.data.response_id === r).at(-1);
        return f?.kind === 'followup' ? [f.data.assignee_id, f.data.priority, f.data.version] : null;
      });
    expect(state(viaSmallPages.changes)).toEqual(state(full.changes));
    for (const s of state(full.changes)) {
      expect(s).not.toBeNull();
      // Whoever came last won both fields: the follow-up is never half one client, half the other.
      expect([
        [h.agent.id, 'high'],
        [h.agent2.id, 'urgent'],
      ]).toContainEqual(s?.slice(0, 2));
    }
  });
});
