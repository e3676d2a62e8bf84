// The follow-up workflow between two people over the real reference server: the team's SLA
// policy set by a manager on the server, fetched and cached by a colleague's install, and
// honoured by both for the follow-ups they open (offline too); the colleague told they were
// assigned a follow-up; and the losing side of a conflict told who won and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followupIdFor } from '../../../common/api/records.js';
import type { FollowupNotice } from '../../../common/ipc/channels/followups.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../common/domain/sla.js';
import { ApiFailure } from '../../../electron/core/sync/api-failure.js';
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

  it('takes a manager’s SLA policy to the server, to a colleague’s cache, and to follow-ups opened on either side', async () => {
    const team: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      nps: {
        negative: { firstContactHours: 6, priority: 'urgent' },
        neutral: { firstContactHours: 24, priority: 'urgent' },
        positive: DEFAULT_SLA_POLICY.nps.positive,
      },
    };
    // An agent may not; the server says so, and nothing changes.
    const refused = await jonas.client.engine.saveSlaPolicy(team).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiFailure);
    expect(refused).toMatchObject({ status: 403, message: 'Only a manager can change the team’s SLA policy.' });
    await maja.client.engine.saveSlaPolicy(team);
    expect(await maja.client.db.call('followupsSlaPolicy', {})).toMatchObject({ policy: team, canEdit: true });

    // Jonas's install fetches it on its next sync, keeps it, and tells the views.
    expect(await jonas.client.db.call('followupsSlaPolicy', {})).toMatchObject({ policy: DEFAULT_SLA_POLICY });
    await settle(jonas);
    expect(await jonas.client.db.call('followupsSlaPolicy', {})).toMatchObject({
      policy: team,
      fetched: true,
      updatedBy: 'Maja Lindqvist',
      canEdit: false,
    });
    expect(jonas.client.eventsOf('data:changed')).toContainEqual({ kinds: ['sla_policy'] });

    // A detractor: the server opens the follow-up at ingestion, with the team's policy.
    const detractor = await ingestAnswer(server, { score: 1, created_at: '2026-05-01T08:00:00.000Z' });
    expect(await serverFollowup(detractor.responseId)).toMatchObject({
      due_at: '2026-05-01T14:00:00.000Z',
      priority: 'urgent',
    });

    // A passive, assigned by a colleague while the server cannot be reached: the follow-up is
    // born on her install with the cached policy, and the server's agrees once it arrives.
    const { responseId } = await ingestAnswer(server, { score: 8, created_at: '2026-05-01T08:00:00.000Z' });
    const colleague = agents(server)[1]!;
    const aino = await signIn(colleague.token);
    try {
      await aino.client.restartEngine({ fetch: () => Promise.reject(new TypeError('fetch failed')) });
      await aino.client.engine.syncNow();
      expect(aino.client.engine.status().phase).toBe('offline');
      expect(await aino.client.db.call('followupsSlaPolicy', {})).toMatchObject({ policy: team });
      const results = await submitActions(aino.client.engine, [
        { name: 'assign', args: { response_id: responseId, assignee_id: colleague.id } },
      ]);
      expect(results).toEqual([{ ok: true, responseId, name: 'assign' }]);
      const wanted = { status: 'assigned', due_at: '2026-05-02T08:00:00.000Z', priority: 'urgent' };
      expect(await aino.client.db.call('syncFollowup', { responseId })).toMatchObject(wanted);
      await aino.client.restartEngine({});
      await settle(aino);
      expect(await serverFollowup(responseId)).toMatchObject(wanted);
      expect(await aino.client.db.call('syncFollowup', { responseId })).toMatchObject(wanted);
    } finally {
      await aino.notifier.stop();
      await aino.client.close();
    }

    await maja.client.engine.saveSlaPolicy(DEFAULT_SLA_POLICY);
    await settle(maja, jonas);
  });

  it('tells a colleague that a follow-up was assigned to them, once', async () => {
    const { responseId } = await ingestAnswer(server);
    await settle(maja);
    await submitActions(maja.client.engine, [
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
    await submitActions(jonas.client.engine, [
      { name: 'assign', args: { response_id: responseId, assignee_id: agents(server)[0]!.id } },
      { name: 'set_status', args: { response_id: responseId, status: 'in_progress', reason: null } },
    ]);
    await settle(jonas, maja);
    // Jonas, offline, marks it done; meanwhile Maja closes it without action. Hers reaches the server first.
    const [done] = await submitActions(jonas.client.engine, [
      {
        name: 'mark_done',
        args: { response_id: responseId, action_summary: 'Fixed', root_causes: ['bug'], inform: null },
      },
    ]);
    expect(done).toMatchObject({ ok: true });
    await submitActions(maja.client.engine, [
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
