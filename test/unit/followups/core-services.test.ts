// The main-thread side of the follow-up core: submitting actions through the engine (in order,
// refusals reported per action), saving the team's SLA policy on the server, and the
// notifier (checks after a completed sync, toasts every notice, desktop notifications for
// those worth it).
import { describe, expect, it, vi } from 'vitest';
import type { MutationName } from '../../../common/api/mutations.js';
import type { EventName } from '../../../common/ipc/events.js';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../common/domain/sla.js';
import type { DatabaseClient } from '../../../electron/core/db/database-client.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { DB_OPERATIONS, type OperationName } from '../../../electron/core/db/worker/operations.js';
import { EventBus } from '../../../electron/core/events.js';
import { readTeamSlaPolicy } from '../../../electron/core/followups/followup-settings.js';
import { followupHandlers } from '../../../electron/core/ipc/handlers/followup-handlers.js';
import { createHandlerTable, type HandlerMap } from '../../../electron/core/ipc/handler-table.js';
import { ApiFailure } from '../../../electron/core/sync/api-failure.js';
import { recordTeamPolicy } from '../../../electron/core/sync/store/team-policy.js';
import { FollowupNotifier } from '../../../electron/core/followups/notices/followup-notifier.js';
import { submitActions } from '../../../electron/core/followups/submit-actions.js';
import { MutationRefused } from '../../../electron/core/sync/mutation-refused.js';
import { at } from '../db/support/records.js';
import { ANNA, MAJA, ME, ms, openFollowupCache, pull } from './core-fixture.js';

/** The worker's operations run in-thread on a test cache. */
function client(db: Db): DatabaseClient {
  return {
    call: (op: OperationName, args: unknown) =>
      Promise.resolve((DB_OPERATIONS[op] as (db: Db, args: unknown) => unknown)(db, args)),
    close: () => Promise.resolve(),
  } as unknown as DatabaseClient;
}

describe('submitActions', () => {
  it('sends each action in order, alone: the server gives a newborn follow-up the team’s policy', async () => {
    const sent: [MutationName, unknown][] = [];
    const engine = {
      submit: (name: MutationName, args: unknown) => {
        if ((args as { response_id: string }).response_id === 'r3') {
          return Promise.reject(new MutationRefused('not_found', 'Response r3 is not in the local cache.'));
        }
        sent.push([name, args]);
        return Promise.resolve({ mutationId: sent.length });
      },
    };
    const results = await submitActions(engine, [
      { name: 'assign', args: { response_id: 'r1', assignee_id: ME.id } },
      { name: 'assign', args: { response_id: 'r2', assignee_id: ME.id } },
      { name: 'assign', args: { response_id: 'r3', assignee_id: ME.id } },
    ]);
    expect(results).toEqual([
      { ok: true, responseId: 'r1', name: 'assign' },
      { ok: true, responseId: 'r2', name: 'assign' },
      {
        ok: false,
        responseId: 'r3',
        name: 'assign',
        code: 'not_found',
        reason: 'Response r3 is not in the local cache.',
      },
    ]);
    // No set_due / set_priority after a birth any more: they would override the server's
    // (current) policy with this install's copy.
    expect(sent.map(([name, args]) => [name, (args as { response_id: string }).response_id])).toEqual([
      ['assign', 'r1'],
      ['assign', 'r2'],
    ]);
  });
});

describe('followups:set-sla-policy', () => {
  const team: SlaPolicy = {
    ...DEFAULT_SLA_POLICY,
    nps: { ...DEFAULT_SLA_POLICY.nps, negative: { firstContactHours: 8, priority: 'urgent' } },
  };

  function harness(save: (policy: SlaPolicy) => Promise<void>, withEngine = true) {
    const db = openFollowupCache();
    const saved: SlaPolicy[] = [];
    const handlers = followupHandlers({
      database: () => client(db),
      engine: () =>
        withEngine
          ? {
              submit: () => Promise.resolve({}),
              saveSlaPolicy: async (policy) => {
                await save(policy);
                saved.push(policy);
                recordTeamPolicy(db, { policy, updated_at: at(9), updated_by: MAJA.id });
              },
            }
          : null,
    });
    const dispatch = createHandlerTable(handlers as HandlerMap);
    return { db, saved, set: (policy: unknown) => dispatch('followups:set-sla-policy', { policy }) };
  }

  it('saves through the engine and answers the policy now held', async () => {
    const h = harness(() => Promise.resolve());
    expect(await h.set(team)).toEqual({
      ok: true,
      value: { policy: team, fetched: true, updatedAt: ms(9), updatedBy: 'Maja Lindqvist', canEdit: false },
    });
    expect(h.saved).toEqual([team]);
  });

  it('refuses a malformed policy before anything is sent', async () => {
    const h = harness(() => Promise.resolve());
    const reply = await h.set({ ...team, nps: { ...team.nps, negative: { firstContactHours: 0, priority: 'x' } } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(h.saved).toEqual([]);
  });

  it('explains a refusal, being offline and having no session, and keeps the cached policy', async () => {
    const cases: readonly [ApiFailure, string, RegExp][] = [
      [
        new ApiFailure('http', 'Only a manager can change the team’s SLA policy.', 403, 'forbidden'),
        'forbidden',
        /^Only a manager can change the team’s SLA policy\.$/,
      ],
      [new ApiFailure('network', 'The server cannot be reached.'), 'unavailable', /not saved.*still here/],
      [new ApiFailure('http', 'The server answered 503.', 503), 'unavailable', /not saved.*Try again/],
      [new ApiFailure('http', 'The request body is not valid.', 400, 'invalid_request'), 'invalid_input', /refused/],
    ];
    for (const [failure, code, message] of cases) {
      const h = harness(() => Promise.reject(failure));
      const reply = await h.set(team);
      expect(reply).toMatchObject({ ok: false, error: { code } });
      expect(reply.ok ? '' : reply.error.message).toMatch(message);
      expect(readTeamSlaPolicy(h.db).policy).toEqual(DEFAULT_SLA_POLICY);
    }
    const none = harness(() => Promise.resolve(), false);
    expect(await none.set(team)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('FollowupNotifier', () => {
  function harness(notify?: (title: string, body: string) => void) {
    const db = openFollowupCache();
    const events = new EventBus();
    const seen: { event: EventName; payload: unknown }[] = [];
    events.connect((event, payload) => seen.push({ event, payload }));
    let now = Date.parse('2025-03-01T09:00:00.000Z');
    const notifier = new FollowupNotifier({
      database: () => client(db),
      events,
      notify,
      logError: (context, error) => {
        throw new Error(`${context}: ${String(error)}`);
      },
      now: () => now,
    });
    const idle = async (): Promise<void> => {
      events.emit('sync:status', {
        phase: 'idle',
        done: 0,
        estimatedTotal: null,
        lastSyncedAt: now,
        pendingMutations: 0,
        message: null,
        nextRetryAt: null,
      });
      await notifier.check();
    };
    return {
      db,
      events,
      seen,
      notifier,
      idle,
      advance: (minutes: number) => (now += minutes * 60_000),
      notices: () => seen.filter((s) => s.event === 'followups:notice').map((s) => s.payload),
    };
  }

  it('checks after a completed sync: a toast for every notice, the desktop for assignments', async () => {
    const notify = vi.fn();
    const h = harness(notify);
    h.notifier.start();
    await h.idle();
    h.advance(5);
    pull(h.db, { response_id: 'r1', assignee_id: ME.id, status: 'assigned' }, ANNA.id, 4, {
      kind: 'assigned',
      assignee_id: ME.id,
      previous_assignee_id: null,
    });
    await h.idle();
    expect(notify).toHaveBeenCalledWith(
      'Anna Lund assigned you a follow-up',
      'Ingrid Olsen · NPS 2 (Detractor) — “Comment of r1”',
    );
    expect(h.notices()).toEqual([
      expect.objectContaining({
        kind: 'assigned',
        responseId: 'r1',
        onDesktop: true,
        title: 'Anna Lund assigned you a follow-up',
      }),
    ]);
    await h.notifier.stop();
  });

  it('without a desktop notifier (browser mode), the window is told to show it', async () => {
    const h = harness();
    h.notifier.start();
    await h.idle();
    pull(h.db, { response_id: 'r1', assignee_id: ME.id, status: 'assigned' }, ANNA.id, 1, {
      kind: 'assigned',
      assignee_id: ME.id,
      previous_assignee_id: null,
    });
    h.advance(2);
    await h.idle();
    expect(h.notices()).toEqual([expect.objectContaining({ kind: 'assigned', onDesktop: false })]);
    await h.notifier.stop();
  });

  it('explains a refusal that arrived since the last check', async () => {
    const h = harness();
    h.notifier.start();
    await h.idle();
    pull(h.db, { response_id: 'r1', assignee_id: ANNA.id, status: 'closed_no_action' }, ANNA.id, 1, {
      kind: 'status_set',
      from: 'in_progress',
      to: 'closed_no_action',
      reason: 'Spam',
    });
    h.advance(3);
    h.events.emit('mutation:rejected', {
      mutationId: 7,
      name: 'mark_done',
      responseId: 'r1',
      code: 'invalid_transition',
      reason: 'A follow-up cannot go from Closed – no action to Done.',
      rejectedAt: Date.parse('2025-03-01T09:03:00.000Z'),
    });
    await h.idle();
    expect(h.notices()).toEqual([
      expect.objectContaining({ kind: 'conflict', responseId: 'r1', title: 'Your change was undone' }),
    ]);
    await h.notifier.stop();
  });

  it('skips its checks while the vault is locked', async () => {
    const events = new EventBus();
    const notifier = new FollowupNotifier({
      database: () => {
        throw new Error('locked');
      },
      events,
      logError: () => {
        throw new Error('must not log a locked vault');
      },
    });
    await expect(notifier.check()).resolves.toBeUndefined();
  });
});
