// Pulled rows never overwrite pending edits; a rejection rolls back exactly; an acknowledged
// edit stays visible until the pull that confirms it.
import { describe, expect, it } from 'vitest';
import { followupIdFor } from '../../../common/api/records.js';
import { getFollowup } from '../../../electron/core/db/readers/get-followup.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { readBase } from '../../../electron/core/sync/store/followup-base.js';
import { recordPushResults, settleAcked, submitMutation } from '../../../electron/core/sync/store/outbox.js';
import { followup, respondent, response, staff } from '../db/support/records.js';
import { openTestDatabase } from '../db/support/test-database.js';
import { applyPage, ME, signIn } from './store-support.js';

const FU = followupIdFor('r1');
const SERVER_V2 = followup('r1', 'u1', { version: 2, priority: 'high', tags: ['vip'], status: 'assigned' });

function setup(): Db {
  const { db } = openTestDatabase();
  signIn(db);
  applyPage(db, [
    { kind: 'staff', data: staff('staff-1') },
    { kind: 'respondent', data: respondent('u1') },
    { kind: 'response', data: response('r1', 'u1') },
    { kind: 'followup', data: SERVER_V2 },
  ]);
  return db;
}

function submit(db: Db, name: Parameters<typeof submitMutation>[1]['name'], args: object): number {
  const outcome = submitMutation(db, {
    name,
    args: { response_id: 'r1', ...args },
    nowMs: Date.parse('2025-03-05T10:00:00Z'),
  });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.mutationId;
}

const count = (db: Db, sql: string): unknown => db.prepare(sql).pluck().get();

describe('rebase', () => {
  it('re-applies a pending edit on top of a colleague’s newer version', () => {
    const db = setup();
    submit(db, 'set_tags', { tags: ['mine'] });
    expect(getFollowup(db, FU)).toMatchObject({ tags: ['mine'], priority: 'high', version: 3 });
    expect(readBase(db, FU)?.server).toEqual(SERVER_V2);

    const colleague = { ...SERVER_V2, priority: 'urgent' as const, version: 3, updated_at: '2025-03-05T11:00:00.000Z' };
    applyPage(db, [{ kind: 'followup', data: colleague }]);
    // The colleague's priority and my tags: the pull did not overwrite the pending edit.
    expect(getFollowup(db, FU)).toMatchObject({ tags: ['mine'], priority: 'urgent', version: 4 });
    expect(readBase(db, FU)?.server).toEqual(colleague);
    // The triage copy on the response follows the rebuilt follow-up.
    expect(db.prepare('SELECT priority FROM responses WHERE id = ?').pluck().get('r1')).toBe('urgent');
  });

  it('rolls a rejected edit back to exactly the server’s state, events and notes included', () => {
    const db = setup();
    const id = submit(db, 'add_note', { note_id: 'n1', text: 'Mine' });
    submit(db, 'set_priority', { priority: 'low' });
    expect(count(db, "SELECT count(*) FROM followup_events WHERE id GLOB 'local:*'")).toBe(2);
    expect(count(db, "SELECT text FROM notes WHERE id = 'n1'")).toBe('Mine');

    const outcome = recordPushResults(db, [{ id, status: 'rejected', code: 'forbidden', reason: 'No.' }], 0);
    expect(outcome.rejected).toMatchObject([{ mutationId: id, name: 'add_note', reason: 'No.' }]);
    expect(count(db, "SELECT count(*) FROM notes WHERE id = 'n1'")).toBe(0);
    expect(getFollowup(db, FU)).toMatchObject({ priority: 'low', version: 3 });

    recordPushResults(db, [{ id: id + 1, status: 'rejected', code: 'conflict', reason: 'No.' }], 0);
    expect(getFollowup(db, FU)).toEqual(SERVER_V2);
    expect(count(db, "SELECT count(*) FROM followup_events WHERE id GLOB 'local:*'")).toBe(0);
    expect(readBase(db, FU)).toBeNull();
    expect(count(db, 'SELECT count(*) FROM outbox')).toBe(0);
  });

  it('keeps an acknowledged edit visible until a pull brings the follow-up that includes it', () => {
    const db = setup();
    const id = submit(db, 'set_priority', { priority: 'urgent' });
    recordPushResults(db, [{ id, status: 'applied' }], 0);
    expect(count(db, 'SELECT state FROM outbox')).toBe('acked');
    expect(getFollowup(db, FU)).toMatchObject({ priority: 'urgent' });
    // A later page about something else changes nothing.
    applyPage(db, [{ kind: 'staff', data: staff('staff-2') }]);
    expect(getFollowup(db, FU)).toMatchObject({ priority: 'urgent' });

    const confirmed = { ...SERVER_V2, priority: 'urgent' as const, version: 3, updated_at: '2025-03-05T10:00:01.000Z' };
    applyPage(db, [{ kind: 'followup', data: confirmed }]);
    expect(getFollowup(db, FU)).toEqual(confirmed);
    expect(count(db, 'SELECT count(*) FROM outbox')).toBe(0);
    expect(readBase(db, FU)).toBeNull();
  });

  it('drops an acknowledged edit that changed nothing on the server once the pull has caught up', () => {
    const db = setup();
    const id = submit(db, 'set_due', { due_at: '2025-04-01T00:00:00Z' });
    recordPushResults(db, [{ id, status: 'duplicate' }], 0);
    expect(settleAcked(db)).toBe(1);
    expect(getFollowup(db, FU)).toEqual(SERVER_V2);
    expect(readBase(db, FU)).toBeNull();
  });

  it('refuses locally what the shared rules refuse, writing nothing', () => {
    const db = setup();
    const outcome = submitMutation(db, {
      name: 'mark_informed',
      args: { response_id: 'r1', how: 'direct' },
      nowMs: 0,
    });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(count(db, 'SELECT count(*) FROM outbox')).toBe(0);
    expect(readBase(db, FU)).toBeNull();
    expect(
      submitMutation(db, { name: 'assign', args: { response_id: 'nope', assignee_id: ME.id }, nowMs: 0 }),
    ).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  it('creates the follow-up locally as the server would, and removes it again when refused', () => {
    const { db } = openTestDatabase();
    signIn(db);
    applyPage(db, [
      { kind: 'respondent', data: respondent('u2') },
      { kind: 'response', data: response('r2', 'u2', { score: 9 }) },
    ]);
    const outcome = submitMutation(db, { name: 'assign', args: { response_id: 'r2', assignee_id: ME.id }, nowMs: 0 });
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(getFollowup(db, followupIdFor('r2'))).toMatchObject({ status: 'assigned', assignee_id: ME.id, version: 2 });
    expect(
      db.prepare("SELECT data FROM followup_events WHERE id GLOB 'local:*' ORDER BY id").pluck().all(),
    ).toHaveLength(3);
    recordPushResults(db, [{ id: outcome.mutationId, status: 'rejected', code: 'not_found', reason: 'Gone.' }], 0);
    expect(getFollowup(db, followupIdFor('r2'))).toBeNull();
    expect(db.prepare("SELECT status, assignee_id FROM responses WHERE id = 'r2'").get()).toEqual({
      status: 'new',
      assignee_id: null,
    });
  });
});
