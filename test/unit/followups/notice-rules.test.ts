// The notice rules on a real cache: someone else assigned me a follow-up, mine became
// overdue, a colleague's change won over mine, a refusal explained by a colleague's change;
// each told once, history never replayed as news, many at once summed up.
import { describe, expect, it } from 'vitest';
import { checkNotices } from '../../../electron/core/followups/notices/notice-rules.js';
import { writeSyncState, SYNC_KEYS } from '../../../electron/core/sync/store/sync-state.js';
import { ANNA, MAJA, ME, ms, openFollowupCache, pull } from './core-fixture.js';
import { at } from '../db/support/records.js';

describe('notice rules', () => {
  it('starts quietly: what is in the cache at the first check is history', () => {
    const db = openFollowupCache();
    pull(db, { response_id: 'r1', assignee_id: ME.id, status: 'assigned' }, ANNA.id, 10, {
      kind: 'assigned',
      assignee_id: ME.id,
      previous_assignee_id: null,
    });
    expect(checkNotices(db, { nowMs: ms(20), rejections: [] })).toEqual([]);
  });

  it('tells me once when someone else assigns me a follow-up, never when I do it myself', () => {
    const db = openFollowupCache();
    checkNotices(db, { nowMs: ms(0), rejections: [] });
    pull(db, { response_id: 'r1', assignee_id: ME.id, status: 'assigned' }, ANNA.id, 5, {
      kind: 'assigned',
      assignee_id: ME.id,
      previous_assignee_id: null,
    });
    pull(db, { response_id: 'r2', assignee_id: ME.id, status: 'assigned' }, ME.id, 6, {
      kind: 'assigned',
      assignee_id: ME.id,
      previous_assignee_id: null,
    });
    const notices = checkNotices(db, { nowMs: ms(7), rejections: [] });
    expect(notices).toEqual([
      {
        kind: 'assigned',
        title: 'Anna Lund assigned you a follow-up',
        body: 'Ingrid Olsen · NPS 2 (Detractor) — “Comment of r1”',
        responseId: 'r1',
        desktop: true,
      },
    ]);
    expect(checkNotices(db, { nowMs: ms(8), rejections: [] })).toEqual([]);
  });

  it('says nothing about an assignment already handed on to someone else', () => {
    const db = openFollowupCache();
    checkNotices(db, { nowMs: ms(0), rejections: [] });
    pull(
      db,
      { response_id: 'r1', assignee_id: MAJA.id, status: 'assigned' },
      ANNA.id,
      5,
      { kind: 'assigned', assignee_id: ME.id, previous_assignee_id: null },
      { kind: 'assigned', assignee_id: MAJA.id, previous_assignee_id: ME.id },
    );
    const notices = checkNotices(db, { nowMs: ms(6), rejections: [] });
    expect(notices.map((n) => n.kind)).toEqual(['overridden']);
    expect(notices[0]?.body).toBe(
      'Ingrid Olsen · NPS 2 (Detractor): A minute ago, Anna Lund reassigned this from you to Maja Lindqvist.',
    );
  });

  it('tells me when one of my open follow-ups becomes overdue, once, and not for closed ones or colleagues’', () => {
    const db = openFollowupCache();
    pull(db, { response_id: 'r1', assignee_id: ME.id, status: 'in_progress', due_at: at(30) }, ME.id, 1);
    pull(db, { response_id: 'r2', assignee_id: ME.id, status: 'closed_no_action', due_at: at(30) }, ME.id, 1);
    pull(db, { response_id: 'r3', assignee_id: ANNA.id, status: 'assigned', due_at: at(30) }, ME.id, 1);
    pull(db, { response_id: 'r4', assignee_id: ME.id, status: 'assigned', due_at: at(90) }, ME.id, 1);
    checkNotices(db, { nowMs: ms(20), rejections: [] });
    const notices = checkNotices(db, { nowMs: ms(40), rejections: [] });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'overdue', responseId: 'r1', desktop: true });
    expect(notices[0]?.title).toBe('A follow-up of yours is overdue');
    expect(checkNotices(db, { nowMs: ms(60), rejections: [] })).toEqual([]);
    expect(checkNotices(db, { nowMs: ms(100), rejections: [] })).toMatchObject([{ kind: 'overdue', responseId: 'r4' }]);
  });

  it('tells the losing side when a colleague changes what I changed within the hour', () => {
    const db = openFollowupCache();
    pull(db, { response_id: 'r1', assignee_id: ME.id, status: 'waiting' }, ME.id, 0, {
      kind: 'status_set',
      from: 'in_progress',
      to: 'waiting',
      reason: null,
    });
    pull(db, { response_id: 'r2', assignee_id: ME.id, status: 'waiting' }, ME.id, 0, {
      kind: 'priority_set',
      priority: 'urgent',
    });
    checkNotices(db, { nowMs: ms(1), rejections: [] });
    pull(db, { response_id: 'r1', assignee_id: ME.id, status: 'closed_no_action' }, ANNA.id, 10, {
      kind: 'status_set',
      from: 'waiting',
      to: 'closed_no_action',
      reason: 'Duplicate',
    });
    // A different topic (status, not priority) is no conflict.
    pull(db, { response_id: 'r2', assignee_id: ME.id, status: 'in_progress' }, ANNA.id, 10, {
      kind: 'status_set',
      from: 'waiting',
      to: 'in_progress',
      reason: null,
    });
    const notices = checkNotices(db, { nowMs: ms(12), rejections: [] });
    expect(notices).toEqual([
      {
        kind: 'overridden',
        title: 'A colleague changed your follow-up',
        body: 'Ingrid Olsen · NPS 2 (Detractor): 2 minutes ago, Anna Lund moved this from Waiting to Closed – no action: “Duplicate”.',
        responseId: 'r1',
        desktop: false,
      },
    ]);
  });

  it('leaves alone the work of the person I assigned a follow-up to', () => {
    const db = openFollowupCache();
    checkNotices(db, { nowMs: ms(0), rejections: [] });
    pull(
      db,
      { response_id: 'r1', assignee_id: ANNA.id, status: 'assigned' },
      ME.id,
      1,
      { kind: 'assigned', assignee_id: ANNA.id, previous_assignee_id: null },
      { kind: 'status_set', from: 'new', to: 'assigned', reason: null },
    );
    pull(
      db,
      { response_id: 'r1', assignee_id: ANNA.id, status: 'informed' },
      ANNA.id,
      5,
      { kind: 'status_set', from: 'assigned', to: 'in_progress', reason: null },
      { kind: 'done', action_summary: 'Fixed', root_causes: ['bug'] },
      { kind: 'informed', how: 'message', message: 'Hej! '.repeat(100), language: 'sv' },
    );
    expect(checkNotices(db, { nowMs: ms(6), rejections: [] })).toEqual([]);
  });

  it('keeps a long change short in the notice', () => {
    const db = openFollowupCache();
    pull(db, { response_id: 'r1', tags: ['a'] }, ME.id, 0, { kind: 'tags_set', tags: ['a'] });
    checkNotices(db, { nowMs: ms(1), rejections: [] });
    pull(db, { response_id: 'r1', tags: ['b'] }, ANNA.id, 2, {
      kind: 'tags_set',
      tags: Array.from({ length: 40 }, (_, i) => `tag-${i}`),
    });
    const [notice] = checkNotices(db, { nowMs: ms(3), rejections: [] });
    expect(notice?.body.length).toBeLessThan(260);
    expect(notice?.body).toMatch(/tag-\d+…\.$/);
  });

  it('leaves alone a colleague’s change made long after mine', () => {
    const db = openFollowupCache();
    pull(db, { response_id: 'r1', priority: 'urgent' }, ME.id, 0, { kind: 'priority_set', priority: 'urgent' });
    checkNotices(db, { nowMs: ms(1), rejections: [] });
    pull(db, { response_id: 'r1', priority: 'low' }, ANNA.id, 120, { kind: 'priority_set', priority: 'low' });
    expect(checkNotices(db, { nowMs: ms(121), rejections: [] })).toEqual([]);
  });

  it('explains a refused change by the colleague’s change that made it impossible', () => {
    const db = openFollowupCache();
    checkNotices(db, { nowMs: ms(0), rejections: [] });
    pull(db, { response_id: 'r1', assignee_id: ANNA.id, status: 'closed_no_action' }, ANNA.id, 3, {
      kind: 'status_set',
      from: 'in_progress',
      to: 'closed_no_action',
      reason: 'Spam',
    });
    const notices = checkNotices(db, {
      nowMs: ms(5),
      rejections: [
        {
          responseId: 'r1',
          reason: 'A follow-up cannot go from Closed – no action to Done.',
          rejectedAt: ms(5),
        },
        // Nothing to explain it by: the status bar's plain refusal is enough.
        { responseId: 'r2', reason: 'Something else.', rejectedAt: ms(5) },
      ],
    });
    expect(notices).toEqual([
      {
        kind: 'conflict',
        title: 'Your change was undone',
        body: 'Ingrid Olsen · NPS 2 (Detractor): A follow-up cannot go from Closed – no action to Done. 2 minutes ago, Anna Lund moved this from In progress to Closed – no action: “Spam”.',
        responseId: 'r1',
        desktop: false,
      },
    ]);
  });

  it('sums up many assignments at once in one notice', () => {
    const db = openFollowupCache();
    checkNotices(db, { nowMs: ms(0), rejections: [] });
    for (const [i, id] of ['r1', 'r2', 'r3', 'r4', 'r5'].entries()) {
      pull(db, { response_id: id, assignee_id: ME.id, status: 'assigned' }, i < 3 ? ANNA.id : MAJA.id, 2 + i, {
        kind: 'assigned',
        assignee_id: ME.id,
        previous_assignee_id: null,
      });
    }
    expect(checkNotices(db, { nowMs: ms(10), rejections: [] })).toEqual([
      {
        kind: 'assigned',
        title: '5 follow-ups were assigned to you',
        body: 'By Anna Lund and Maja Lindqvist.',
        responseId: null,
        desktop: true,
      },
    ]);
  });

  it('starts afresh for someone new, catches up someone coming back, and starts afresh after a rebuild', () => {
    const db = openFollowupCache();
    checkNotices(db, { nowMs: ms(0), rejections: [] });
    // Anna signs in on this install (demo mode switches people): her history is not news.
    writeSyncState(db, SYNC_KEYS.me, ANNA);
    pull(db, { response_id: 'r1', assignee_id: ANNA.id, status: 'assigned' }, ME.id, 2, {
      kind: 'assigned',
      assignee_id: ANNA.id,
      previous_assignee_id: null,
    });
    expect(checkNotices(db, { nowMs: ms(3), rejections: [] })).toEqual([]);
    pull(db, { response_id: 'r2', assignee_id: ME.id, status: 'assigned' }, ANNA.id, 4, {
      kind: 'assigned',
      assignee_id: ME.id,
      previous_assignee_id: null,
    });
    // I come back: what Anna did for me while I was away is news.
    writeSyncState(db, SYNC_KEYS.me, ME);
    expect(checkNotices(db, { nowMs: ms(5), rejections: [] })).toMatchObject([{ kind: 'assigned', responseId: 'r2' }]);

    db.exec('DELETE FROM followup_events');
    pull(db, { response_id: 'r3', assignee_id: ME.id, status: 'assigned' }, ANNA.id, 6, {
      kind: 'assigned',
      assignee_id: ME.id,
      previous_assignee_id: null,
    });
    expect(checkNotices(db, { nowMs: ms(7), rejections: [] })).toEqual([]);
  });

  it('says nothing before anyone is signed in', () => {
    const db = openFollowupCache();
    db.exec("DELETE FROM sync_state WHERE key = 'me'");
    expect(checkNotices(db, { nowMs: ms(0), rejections: [] })).toEqual([]);
  });
});
