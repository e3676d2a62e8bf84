// The follow-up workflow between two people over the real reference server: the team's SLA
// policy honoured by the server for a follow-up born on an install, the colleague told they
// were assigned a follow-up, and the losing side of a conflict told who won and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followupIdFor } from '../../../common/api/records.js';
import type { FollowupNotice } from '../../../common/ipc/channels/followups.js';
import { DEFAULT_SLA_POLICY } from '../../../common/domain/sla.js';
import type { ReferenceServer } from '../../../server/index.js';
import { FollowupNotifier } from '../../../electron/core/followups/notices/followup-notifier.js';
import { submitActions } from '../../../electron/core/followups/submit-actions.js';
import { serverFeed } from '../sync/support/converged.js';
import { ingestAnswer } from '../sync/support/server-actions.js';
import {
  agents,
  manager,
  openClient,
  removeTempDirs,
  startDemoServer,
  syncUntilSettled,
  type SyncClient,
} from '../sync/support/sync-harness.js';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startDemoServer(100);
});
afterAll(async () => {
  await server.close();
  removeTempDirs();
});

interface Person {
  readonly client: SyncClient;
  readonly notifier: FollowupNotifier;
  readonly notices: FollowupNotice[];
}

async function signIn(token: string): Promise<Person> {
  const client = await openClient({ server, token, options: { pokes: false } });
  const notices: FollowupNotice[] = [];
  client.events.connect((event, payload) => {
    if (event === 'followups:notice') notices.push(payload as FollowupNotice);
  });
  const notifier = new FollowupNotifier({
    database: () => client.db,
    events: client.events,
    logError: (context, error) => {
      throw new Error(`${context}: ${String(error)}`);
    },
  });
  notifier.start();
  await syncUntilSettled(client);
  await notifier.check();
  return { client, notifier, notices };
}

async function settle(...people: Person[]): Promise<void> {
  for (const p of people) {
    await syncUntilSettled(p.client);
    await p.notifier.check();
  }
}

async function serverFollowup(responseId: string) {
  const change = (await serverFeed(server.url, manager(server).token)).get(`followup:${followupIdFor(responseId)}`);
  return change?.kind === 'followup' ? change.data : null;
}

describe('the follow-up workflow between two people', () => {
  let maja: Person;
  let jonas: Person;

  beforeAll(async () => {
    maja = await signIn(manager(server).token);
    jonas = await signIn(agents(server)[0]!.token);
  });
  afterAll(async () => {
    for (const p of [maja, jonas]) {
      await p.notifier.stop();
      await p.client.close();
    }
  });

  it('gives a follow-up born on an install the team’s SLA policy, on the server too', async () => {
    await maja.client.db.call('followupsSetSlaPolicy', {
      policy: {
        ...DEFAULT_SLA_POLICY,
        nps: { ...DEFAULT_SLA_POLICY.nps, neutral: { firstContactHours: 24, priority: 'urgent' } },
      },
      nowMs: Date.now(),
    });
    // A passive: the server opens no follow-up by itself; assigning one creates it.
    const { responseId } = await ingestAnswer(server, { score: 8, created_at: '2026-05-01T08:00:00.000Z' });
    await settle(maja);
    const results = await submitActions(maja.client.engine, maja.client.db, [
      { name: 'assign', args: { response_id: responseId, assignee_id: manager(server).id } },
    ]);
    expect(results).toEqual([{ ok: true, responseId, name: 'assign' }]);
    await settle(maja);
    expect(await serverFollowup(responseId)).toMatchObject({
      status: 'assigned',
      due_at: '2026-05-02T08:00:00.000Z',
      priority: 'urgent',
    });
  });

  it('tells a colleague that a follow-up was assigned to them, once', async () => {
    const { responseId } = await ingestAnswer(server);
    await settle(maja);
    await submitActions(maja.client.engine, maja.client.db, [
      { name: 'assign', args: { response_id: responseId, assignee_id: agents(server)[0]!.id } },
    ]);
    await settle(maja, jonas);
    await settle(jonas);
    const assigned = jonas.notices.filter((n) => n.kind === 'assigned');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({
      responseId,
      title: 'Maja Lindqvist assigned you a follow-up',
      onDesktop: false,
    });
    expect(maja.notices.filter((n) => n.kind === 'assigned')).toEqual([]);
  });

  it('resolves a conflict by server order and tells the losing side who won and when', async () => {
    const { responseId } = await ingestAnswer(server);
    await settle(maja, jonas);
    await submitActions(jonas.client.engine, jonas.client.db, [
      { name: 'assign', args: { response_id: responseId, assignee_id: agents(server)[0]!.id } },
      { name: 'set_status', args: { response_id: responseId, status: 'in_progress', reason: null } },
    ]);
    await settle(jonas, maja);
    // Jonas, offline, marks it done; meanwhile Maja closes it without action. Hers reaches the server first.
    const [done] = await submitActions(jonas.client.engine, jonas.client.db, [
      {
        name: 'mark_done',
        args: { response_id: responseId, action_summary: 'Fixed', root_causes: ['bug'], inform: null },
      },
    ]);
    expect(done).toMatchObject({ ok: true });
    await submitActions(maja.client.engine, maja.client.db, [
      { name: 'set_status', args: { response_id: responseId, status: 'closed_no_action', reason: 'Duplicate' } },
    ]);
    await settle(maja, jonas);
    expect(await serverFollowup(responseId)).toMatchObject({ status: 'closed_no_action' });
    const conflict = jonas.notices.find((n) => n.kind === 'conflict' && n.responseId === responseId);
    expect(conflict?.body).toMatch(
      /A follow-up cannot go from Closed – no action to Done\. (Just now|A minute ago), Maja Lindqvist moved this from In progress to Closed – no action: “Duplicate”\.$/,
    );
  });
});
