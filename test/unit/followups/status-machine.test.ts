// The status workflow of DESIGN.md, exhaustively: every (from, to) pair through set_status,
// and the dedicated paths — mark_done, mark_informed, unassign, assign, log_contact — from
// every status. The reducer is the one the server applies and the client applies optimistically.
import { describe, expect, it } from 'vitest';
import { MUTATION_ARGS } from '../../../common/api/mutations.js';
import {
  allowedTransitions,
  canTransition,
  FOLLOWUP_STATUSES,
  isOpen,
  OPEN_STATUSES,
  type FollowupStatus,
} from '../../../common/domain/followup-status.js';
import { ACTOR, apply, COLLEAGUE, CONTACT, followupIn } from './support.js';

/** DESIGN.md: new → assigned → in_progress ⇄ waiting → done → informed; closed_no_action with a reason. */
const EXPECTED: Readonly<Record<FollowupStatus, readonly FollowupStatus[]>> = {
  new: ['assigned', 'closed_no_action'],
  assigned: ['new', 'in_progress', 'waiting', 'done', 'closed_no_action'],
  in_progress: ['waiting', 'done', 'closed_no_action'],
  waiting: ['in_progress', 'done', 'closed_no_action'],
  done: ['informed', 'in_progress'],
  informed: [],
  closed_no_action: ['in_progress'],
};

const PAIRS = FOLLOWUP_STATUSES.flatMap((from) => FOLLOWUP_STATUSES.map((to) => [from, to] as const));

describe('the status machine', () => {
  it.each(FOLLOWUP_STATUSES)('allows exactly the designed transitions from %s', (from) => {
    expect([...allowedTransitions(from)].sort()).toEqual([...EXPECTED[from]].sort());
    for (const to of FOLLOWUP_STATUSES) expect(canTransition(from, to)).toBe(EXPECTED[from].includes(to));
  });

  it('counts new, assigned, in progress and waiting as open, and nothing else', () => {
    expect([...OPEN_STATUSES].sort()).toEqual(['assigned', 'in_progress', 'new', 'waiting']);
    for (const s of FOLLOWUP_STATUSES) expect(isOpen(s)).toBe(OPEN_STATUSES.includes(s));
  });
});

describe('set_status, for every pair of statuses', () => {
  it.each(PAIRS)('%s → %s', (from, to) => {
    const out = apply(followupIn(from), 'set_status', { status: to, reason: 'Because' });
    if (from === to) {
      // No change, no event, no version bump.
      expect(out).toMatchObject({ ok: true, events: [] });
      return;
    }
    if (to === 'done' || to === 'informed') {
      // These carry more than a status: their own mutations record them.
      expect(out).toMatchObject({ ok: false, code: 'invalid_transition' });
      return;
    }
    if (!EXPECTED[from].includes(to)) {
      expect(out).toMatchObject({ ok: false, code: 'invalid_transition' });
      return;
    }
    if (from === 'new' && to === 'assigned') {
      // A new follow-up has nobody to be assigned to: assign (a) moves it instead.
      expect(out).toMatchObject({ ok: false, reason: 'Assign the follow-up to someone first.' });
      return;
    }
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.followup.status).toBe(to);
    expect(out.followup.version).toBe(4);
    expect(out.events.at(-1)).toEqual({ kind: 'status_set', from, to, reason: 'Because' });
    expect(out.followup.closed_reason).toBe(to === 'closed_no_action' ? 'Because' : null);
    if (to === 'new') expect(out.followup.assignee_id).toBeNull();
    if (to === 'in_progress' || to === 'waiting' || to === 'assigned') expect(out.followup.assignee_id).not.toBeNull();
    if (from === 'done') expect(out.followup.done_at).toBeNull();
  });

  it.each(FOLLOWUP_STATUSES.filter((s) => EXPECTED[s].includes('closed_no_action')))(
    'refuses to close %s without action when no reason is given',
    (from) => {
      for (const reason of [null, '', '   ']) {
        expect(apply(followupIn(from), 'set_status', { status: 'closed_no_action', reason })).toMatchObject({
          ok: false,
          code: 'invalid_args',
          reason: 'Closing a follow-up without action needs a reason.',
        });
      }
    },
  );

  it('refuses assigned while nobody owns the follow-up', () => {
    expect(apply(followupIn('new'), 'set_status', { status: 'assigned' })).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('gives an unowned follow-up reopened into work to whoever reopens it', () => {
    const out = apply(followupIn('closed_no_action', { assignee_id: null }), 'set_status', { status: 'in_progress' });
    expect(out).toMatchObject({ ok: true, followup: { status: 'in_progress', assignee_id: ACTOR } });
  });
});

describe('mark_done, from every status', () => {
  const args = { action_summary: 'Refunded the double charge', root_causes: ['billing', 'billing', 'bug'] };

  it.each(FOLLOWUP_STATUSES)('from %s', (from) => {
    const out = apply(followupIn(from), 'mark_done', args);
    if (!EXPECTED[from].includes('done')) {
      expect(out).toMatchObject({ ok: false, code: 'invalid_transition' });
      if (from === 'new' && !out.ok) expect(out.reason).toBe('Assign the follow-up before marking it done.');
      return;
    }
    expect(out).toMatchObject({
      ok: true,
      followup: { status: 'done', done_at: '2026-05-02T09:00:00.000Z', action_summary: args.action_summary },
    });
    if (out.ok) expect(out.followup.root_causes).toEqual(['billing', 'bug']);
  });

  it('requires an action summary and at least one root cause', () => {
    const schema = MUTATION_ARGS.mark_done;
    const ok = { response_id: 'r1', action_summary: 'Fixed', root_causes: ['bug'] };
    expect(schema.safeParse(ok).success).toBe(true);
    expect(schema.safeParse({ ...ok, action_summary: '' }).success).toBe(false);
    expect(schema.safeParse({ ...ok, root_causes: [] }).success).toBe(false);
    expect(schema.safeParse({ ...ok, root_causes: ['  '] }).success).toBe(false);
    const { action_summary: _a, ...noSummary } = ok;
    expect(schema.safeParse(noSummary).success).toBe(false);
  });

  it('informs in the same step when a message comes with it', () => {
    const out = apply(followupIn('in_progress'), 'mark_done', {
      ...args,
      inform: { message: 'Hej! Vi har rättat felet.', language: 'sv' },
    });
    expect(out).toMatchObject({ ok: true, followup: { status: 'informed', informed_at: '2026-05-02T09:00:00.000Z' } });
    if (out.ok) {
      expect(out.events.map((e) => e.kind)).toEqual(['done', 'informed']);
      expect(out.events[1]).toEqual({
        kind: 'informed',
        how: 'message',
        message: 'Hej! Vi har rättat felet.',
        language: 'sv',
      });
    }
  });
});

describe('mark_informed, from every status', () => {
  it.each(FOLLOWUP_STATUSES)('from %s', (from) => {
    for (const how of ['direct', 'message'] as const) {
      const out = apply(followupIn(from), 'mark_informed', { how, message: how === 'message' ? 'Thanks!' : null });
      if (from !== 'done') {
        expect(out).toMatchObject({ ok: false, code: 'invalid_transition' });
        continue;
      }
      expect(out).toMatchObject({ ok: true, followup: { status: 'informed' } });
    }
  });

  it('needs the text when informing by message', () => {
    expect(apply(followupIn('done'), 'mark_informed', { how: 'message', message: ' ' })).toMatchObject({
      ok: false,
      code: 'invalid_args',
    });
  });
});

describe('assignment, from every status', () => {
  it.each(FOLLOWUP_STATUSES)('assign from %s moves only a new follow-up to assigned', (from) => {
    const out = apply(followupIn(from), 'assign', { assignee_id: ACTOR });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.followup.assignee_id).toBe(ACTOR);
    expect(out.followup.status).toBe(from === 'new' ? 'assigned' : from);
    expect(out.events[0]).toEqual({
      kind: 'assigned',
      assignee_id: ACTOR,
      previous_assignee_id: from === 'new' ? null : COLLEAGUE,
    });
  });

  it('refuses people who left and ids nobody has', () => {
    for (const id of ['st_left', 'st_unknown']) {
      expect(apply(followupIn('new'), 'assign', { assignee_id: id })).toMatchObject({ ok: false, code: 'not_found' });
    }
  });

  it.each(FOLLOWUP_STATUSES)('unassign from %s', (from) => {
    const out = apply(followupIn(from), 'unassign', {});
    if (from === 'in_progress' || from === 'waiting') {
      expect(out).toMatchObject({ ok: false, code: 'invalid_transition' });
      return;
    }
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.followup.assignee_id).toBeNull();
    expect(out.followup.status).toBe(from === 'assigned' ? 'new' : from);
  });
});

describe('log_contact, from every status', () => {
  it.each(FOLLOWUP_STATUSES)('from %s: the first contact stops the SLA clock', (from) => {
    const out = apply(followupIn(from), 'log_contact', CONTACT);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.followup.first_contact_at).toBe(CONTACT.contacted_at);
    // Whoever reaches out first takes a new follow-up on; work starts on an assigned one.
    const expected: Partial<Record<FollowupStatus, FollowupStatus>> = { new: 'in_progress', assigned: 'in_progress' };
    expect(out.followup.status).toBe(expected[from] ?? from);
    if (from === 'new') expect(out.followup.assignee_id).toBe(ACTOR);
  });

  it('keeps the first contact time when later contacts are logged', () => {
    const contacted = followupIn('in_progress', { first_contact_at: '2026-05-01T12:00:00.000Z' });
    const out = apply(contacted, 'log_contact', CONTACT);
    expect(out).toMatchObject({ ok: true, followup: { first_contact_at: '2026-05-01T12:00:00.000Z' } });
  });

  it('refuses an id already logged', () => {
    expect(apply(followupIn('in_progress'), 'log_contact', { ...CONTACT, contact_id: 'c_seen' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });
});
