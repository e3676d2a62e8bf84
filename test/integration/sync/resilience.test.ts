// What the server can throw at sync besides plain faults: a reset of the feed while edits
// are pending, a record that fails validation, a sign-in that stopped working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followupIdFor } from '../../../common/api/records.js';
import { getFollowup } from '../../../electron/core/db/readers/get-followup.js';
import type { ReferenceServer } from '../../../server/index.js';
import { expectConverged, serverFeed, withCache } from './support/converged.js';
import { ingestAnswer } from './support/server-actions.js';
import {
  agents,
  manager,
  openClient,
  removeTempDirs,
  startDemoServer,
  syncUntilSettled,
} from './support/sync-harness.js';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startDemoServer(150, { faults: { seed: 9 } });
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

async function noteEvents(responseId: string, noteId: string): Promise<number> {
  const feed = await serverFeed(server.url, manager(server).token);
  return [...feed.values()].filter(
    (c) =>
      c.kind === 'followup_event' &&
      c.data.followup_id === followupIdFor(responseId) &&
      c.data.data.kind === 'note_added' &&
      c.data.data.note_id === noteId,
  ).length;
}

describe('resilience', () => {
  it('rebuilds the cache on a reset reply and keeps the pending edits on top of it', async () => {
    const [agent] = agents(server);
    const { responseId } = await ingestAnswer(server);
    const a = await openClient({ server, token: agent!.token, options: { pokes: false, pageSize: 200 } });
    await a.engine.syncNow();
    const noteId = `n-reset-${responseId}`;
    await a.engine.submit('add_note', { response_id: responseId, note_id: noteId, text: 'Kept through a reset.' });
    await a.engine.submit('set_priority', { response_id: responseId, priority: 'urgent' });
    server.faults!.enqueue('POST /v1/mutations', { kind: 'status', status: 500 });
    server.faults!.enqueue('/v1/changes', { kind: 'reset' });
    await a.engine.syncNow();
    // The feed was pulled again from the beginning and the edits were re-applied on top.
    withCache(a.file, a.key, (db) => {
      // The failed send is remembered on the rows, which stay pending.
      expect(db.prepare('SELECT DISTINCT state, attempts, last_error FROM outbox').all()).toEqual([
        { state: 'pending', attempts: 1, last_error: 'Something went wrong on the server (injected fault).' },
      ]);
    });
    expect(a.eventsOf('sync:status').some((s) => s.phase === 'bootstrap' && s.done > 0)).toBe(true);
    expect(a.engine.status().pendingMutations).toBe(2);
    withCache(a.file, a.key, (db) => {
      expect(getFollowup(db, followupIdFor(responseId))).toMatchObject({ priority: 'urgent' });
      expect(db.prepare('SELECT text FROM notes WHERE id = ?').pluck().get(noteId)).toBe('Kept through a reset.');
      expect(db.prepare('SELECT count(*) FROM responses').pluck().get()).toBeGreaterThan(100);
    });
    await syncUntilSettled(a);
    expect(await noteEvents(responseId, noteId)).toBe(1);
    await expectConverged(server, manager(server).token, a.file, a.key);
    await a.close();
  });

  it('keeps the pages it staged when a pull fails part-way, and goes on from there', async () => {
    const [agent] = agents(server);
    const cursors: (string | null)[] = [];
    let failNext = 3;
    const failing: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input.toString());
      if (url.pathname !== '/v1/changes') return fetch(input, init);
      cursors.push(url.searchParams.get('cursor'));
      failNext -= 1;
      return failNext === 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    };
    // Small pages in one large bootstrap batch: two pages are staged when the third fails.
    const options = { pokes: false, pageSize: 100, bootstrapBatchRecords: 100_000 };
    const a = await openClient({ server, token: agent!.token, fetch: failing, options });
    await a.engine.syncNow();
    expect(a.engine.status().phase).toBe('offline');
    withCache(a.file, a.key, (db) => {
      expect(db.prepare('SELECT count(*) FROM respondents').pluck().get()).toBeGreaterThan(0);
      expect(db.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").pluck().get()).toBe(
        JSON.stringify(cursors[2]),
      );
    });
    await syncUntilSettled(a);
    // The retry asked for the page that failed, not for the pages already staged again.
    expect(cursors[3]).toBe(cursors[2]);
    await expectConverged(server, manager(server).token, a.file, a.key);
    await a.close();
  });

  it('finishes a bootstrap even when the pushes made during it fail', async () => {
    const [agent] = agents(server);
    let writesRefused = true;
    const noWrites: typeof fetch = (input, init) =>
      writesRefused && init?.method === 'POST'
        ? Promise.resolve(new Response('{"error":{"code":"unavailable","message":"Writes paused."}}', { status: 503 }))
        : fetch(input, init);
    const options = { pokes: false, pageSize: 100, bootstrapBatchRecords: 200 };
    const a = await openClient({ server, token: agent!.token, fetch: noWrites, options });
    const user: { submitted?: Promise<unknown> } = {};
    a.events.connect((event, payload) => {
      if (event !== 'sync:status' || user.submitted !== undefined || (payload as { done: number }).done === 0) return;
      // The user acts while the first download is still running.
      user.submitted = a.engine.submit('add_note', {
        response_id: 'r_0000001',
        note_id: 'n-mid-bootstrap',
        text: 'Early.',
      });
    });
    await a.engine.syncNow();
    await user.submitted;
    expect(a.engine.status()).toMatchObject({ phase: 'error', pendingMutations: 1, message: 'Writes paused.' });
    const truth = await serverFeed(server.url, manager(server).token);
    withCache(a.file, a.key, (db) => {
      const responses = [...truth.values()].filter((c) => c.kind === 'response').length;
      expect(db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(responses);
      expect(db.prepare("SELECT text FROM notes WHERE id = 'n-mid-bootstrap'").pluck().get()).toBe('Early.');
    });
    writesRefused = false;
    await syncUntilSettled(a);
    expect(await noteEvents('r_0000001', 'n-mid-bootstrap')).toBe(1);
    await a.close();
  });

  it('quarantines a record that fails validation, with the reason, and goes on', async () => {
    const [agent] = agents(server);
    let injected = false;
    // A proxy (or a server bug) slips a malformed record into the first page.
    const corrupting: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const url = input instanceof Request ? input.url : input.toString();
      if (injected || !url.includes('/v1/changes')) return res;
      injected = true;
      const page = (await res.json()) as { changes: unknown[] };
      page.changes.splice(3, 0, {
        kind: 'response',
        data: { id: 'r_broken', end_user_id: 'eu_broken', score: 99, text: 'unreadable' },
      });
      return new Response(JSON.stringify(page), { status: 200, headers: res.headers });
    };
    const a = await openClient({ server, token: agent!.token, fetch: corrupting, options: { pokes: false } });
    await a.engine.syncNow();
    expect(injected).toBe(true);
    expect(a.engine.status().phase).toBe('idle');
    const problems = await a.db.call('syncProblems', { limit: 10 });
    expect(problems.quarantinedTotal).toBe(1);
    expect(problems.quarantined[0]).toMatchObject({ kind: 'response', recordId: 'r_broken' });
    expect(problems.quarantined[0]!.reason).toMatch(/survey_type|score/);
    withCache(a.file, a.key, (db) => {
      expect(db.prepare('SELECT end_user_id FROM quarantine').pluck().get()).toBe('eu_broken');
      expect(db.prepare("SELECT count(*) FROM responses WHERE id = 'r_broken'").pluck().get()).toBe(0);
    });
    // Everything else arrived.
    const truth = await serverFeed(server.url, manager(server).token);
    withCache(a.file, a.key, (db) => {
      const responses = [...truth.values()].filter((c) => c.kind === 'response').length;
      expect(db.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(responses);
    });
    await a.close();
  });

  it('moves to "sign in again" on a 401 and keeps the outbox for the next sign-in', async () => {
    const [agent] = agents(server);
    const { responseId } = await ingestAnswer(server);
    // stop() would otherwise send the note on its way out (stop-flush), before the token dies.
    const a = await openClient({ server, token: agent!.token, options: { pokes: false, stopFlushMs: 0 } });
    await a.engine.syncNow();
    const noteId = `n-401-${responseId}`;
    await a.engine.submit('add_note', {
      response_id: responseId,
      note_id: noteId,
      text: 'Written before the token died.',
    });
    const revoked = await a.restartEngine({ token: 'revoked-token-0123456789abcdef' });
    await revoked.syncNow();
    expect(revoked.status()).toMatchObject({ phase: 'signed_out', pendingMutations: 1 });
    expect(revoked.status().message).toMatch(/sign in again/i);
    // No automatic retries while signed out.
    const statuses = a.eventsOf('sync:status').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(a.eventsOf('sync:status').length).toBe(statuses);
    const again = await a.restartEngine({ token: agent!.token });
    await syncUntilSettled(a);
    expect(again.status().phase).toBe('idle');
    expect(await noteEvents(responseId, noteId)).toBe(1);
    await a.close();
  });

  it('sends what is pending when it stops, if the server answers quickly', async () => {
    const [agent] = agents(server);
    const { responseId } = await ingestAnswer(server);
    const a = await openClient({ server, token: agent!.token, options: { pokes: false } });
    await a.engine.syncNow();
    const noteId = `n-stop-${responseId}`;
    await a.engine.submit('add_note', { response_id: responseId, note_id: noteId, text: 'Sent on the way out.' });
    await a.engine.stop();
    expect(await noteEvents(responseId, noteId)).toBe(1);
    await a.close();
  });
});
