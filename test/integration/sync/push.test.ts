// The push half: optimistic effects, exactly-once delivery over a lost answer, rejections
// that roll back without blocking the queue, and two people editing one follow-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followupIdFor } from '../../../common/api/records.js';
import type { ReferenceServer } from '../../../server/index.js';
import { getFollowup } from '../../../electron/core/db/readers/get-followup.js';
import { expectConverged, serverFeed, withCache } from './support/converged.js';
import { ingestAnswer } from './support/server-actions.js';
import {
  agents,
  manager,
  openClient,
  removeTempDirs,
  startDemoServer,
  syncUntilSettled,
  type SyncClient,
} from './support/sync-harness.js';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startDemoServer(150, { faults: { seed: 3 } });
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

async function client(token: string): Promise<SyncClient> {
  const c = await openClient({ server, token, options: { pokes: false } });
  await c.engine.syncNow();
  return c;
}

function localFollowup(c: SyncClient, responseId: string) {
  return withCache(c.file, c.key, (db) => getFollowup(db, followupIdFor(responseId)));
}

async function serverFollowup(responseId: string) {
  const feed = await serverFeed(server.url, manager(server).token);
  const change = feed.get(`followup:${followupIdFor(responseId)}`);
  return change?.kind === 'followup' ? change.data : null;
}

async function serverEventKinds(responseId: string): Promise<string[]> {
  const feed = await serverFeed(server.url, manager(server).token);
  return [...feed.values()]
    .filter((c) => c.kind === 'followup_event' && c.data.followup_id === followupIdFor(responseId))
    .map((c) => (c.kind === 'followup_event' ? c.data.data.kind : ''))
    .sort();
}

describe('push', () => {
  it('applies a user action locally at once, then sends it and converges', async () => {
    const [agent] = agents(server);
    const a = await client(agent!.token);
    const { responseId } = await ingestAnswer(server);
    await a.engine.syncNow();
    const { mutationId } = await a.engine.submit('assign', { response_id: responseId, assignee_id: agent!.id });
    expect(mutationId).toBeGreaterThan(0);
    // Before any network round trip: the cache already shows the assignment.
    expect(localFollowup(a, responseId)).toMatchObject({ status: 'assigned', assignee_id: agent!.id });
    expect(a.engine.status().pendingMutations).toBe(1);
    await syncUntilSettled(a);
    expect(await serverFollowup(responseId)).toMatchObject({ status: 'assigned', assignee_id: agent!.id });
    await expectConverged(server, manager(server).token, a.file, a.key);
    await a.close();
  });

  it('applies a mutation exactly once when the answer to the push is lost', async () => {
    const [agent] = agents(server);
    const a = await client(agent!.token);
    const { responseId } = await ingestAnswer(server);
    await a.engine.syncNow();
    // The server applies the batch, then the connection is cut half-way through the answer.
    server.faults!.enqueue('POST /v1/mutations', { kind: 'drop', when: 'mid_body' });
    await a.engine.submit('add_note', {
      response_id: responseId,
      note_id: `note-once-${responseId}`,
      text: 'Called back.',
    });
    await a.engine.submit('set_priority', { response_id: responseId, priority: 'urgent' });
    await syncUntilSettled(a);
    expect(server.faults!.injected.some((f) => f.path === '/v1/mutations' && f.fault.kind === 'drop')).toBe(true);
    const kinds = await serverEventKinds(responseId);
    expect(kinds.filter((k) => k === 'note_added')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'priority_set')).toHaveLength(1);
    await expectConverged(server, manager(server).token, a.file, a.key);
    await a.close();
  });

  it('rolls a rejected mutation back, says why, and still sends the ones queued behind it', async () => {
    const [first, second] = agents(server);
    const { responseId } = await ingestAnswer(server);
    const other = await ingestAnswer(server);
    const a = await client(first!.token);
    const b = await client(second!.token);
    await a.engine.submit('assign', { response_id: responseId, assignee_id: first!.id });
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    // A colleague starts work on it; A has not pulled that yet.
    await b.engine.submit('set_status', { response_id: responseId, status: 'in_progress', reason: null });
    await syncUntilSettled(b);
    await a.engine.submit('unassign', { response_id: responseId });
    await a.engine.submit('set_priority', { response_id: responseId, priority: 'urgent' });
    await a.engine.submit('add_note', {
      response_id: other.responseId,
      note_id: `n-${other.responseId}`,
      text: 'Next.',
    });
    expect(localFollowup(a, responseId)).toMatchObject({ status: 'new', assignee_id: null, priority: 'urgent' });
    await syncUntilSettled(a);

    const rejected = a.eventsOf('mutation:rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ name: 'unassign', responseId, code: 'invalid_transition' });
    expect(rejected[0]!.reason).toMatch(/in progress/i);
    // The unassignment is gone; the priority and the note behind it went through.
    expect(localFollowup(a, responseId)).toMatchObject({
      status: 'in_progress',
      assignee_id: first!.id,
      priority: 'urgent',
    });
    expect(await serverEventKinds(other.responseId)).toContain('note_added');
    const problems = await a.db.call('syncProblems', { limit: 10 });
    expect(problems.rejected[0]).toMatchObject({ name: 'unassign', responseId });
    await expectConverged(server, manager(server).token, a.file, a.key);
    await a.close();
    await b.close();
  });

  it('converges two people editing the same follow-up offline to the server’s order', async () => {
    const [first, second] = agents(server);
    const a = await client(first!.token);
    const b = await client(second!.token);
    const { responseId } = await ingestAnswer(server);
    await a.engine.syncNow();
    await b.engine.syncNow();
    // Both edit without syncing (their engines were never started: nothing is pushed yet).
    await a.engine.submit('set_priority', { response_id: responseId, priority: 'low' });
    await a.engine.submit('set_tags', { response_id: responseId, tags: ['from-a'] });
    await a.engine.submit('add_note', { response_id: responseId, note_id: `na-${responseId}`, text: 'A was here.' });
    await b.engine.submit('set_priority', { response_id: responseId, priority: 'urgent' });
    await b.engine.submit('assign', { response_id: responseId, assignee_id: second!.id });
    await b.engine.submit('add_note', { response_id: responseId, note_id: `nb-${responseId}`, text: 'B was here.' });
    await syncUntilSettled(a);
    await syncUntilSettled(b);
    await syncUntilSettled(a);
    const truth = await serverFollowup(responseId);
    // B's edits were applied last on the server, on top of A's.
    expect(truth).toMatchObject({ priority: 'urgent', tags: ['from-a'], assignee_id: second!.id, status: 'assigned' });
    expect(localFollowup(a, responseId)).toEqual(truth);
    expect(localFollowup(b, responseId)).toEqual(truth);
    await expectConverged(server, manager(server).token, a.file, a.key);
    await expectConverged(server, manager(server).token, b.file, b.key);
    await a.close();
    await b.close();
  });
});
