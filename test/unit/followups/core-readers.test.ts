// What the follow-up dialogs, the detail pane and the Follow-ups section read from the cache:
// the follow-ups acted on (gate and language included), notes with their "edited" marker and
// the contact log, the lists, the team's SLA policy as fetched from the server (and what a
// follow-up born here gets from it), and the root-cause list.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../../../common/domain/sla.js';
import { followupIdFor } from '../../../common/api/records.js';
import { getFollowup } from '../../../electron/core/db/readers/get-followup.js';
import {
  editRootCauses,
  readRootCauses,
  readTeamSlaPolicy,
} from '../../../electron/core/followups/followup-settings.js';
import { recordIdentity } from '../../../electron/core/sync/store/identity.js';
import { submitMutation } from '../../../electron/core/sync/store/outbox.js';
import { recordTeamPolicy, teamSlaPolicy } from '../../../electron/core/sync/store/team-policy.js';
import { readFollowupsContext } from '../../../electron/core/followups/read-context.js';
import { readFollowupList } from '../../../electron/core/followups/read-list.js';
import { readRecord } from '../../../electron/core/followups/read-record.js';
import { readTargets } from '../../../electron/core/followups/read-targets.js';
import { at } from '../db/support/records.js';
import { ANNA, MAJA, ME, ms, openFollowupCache, pull } from './core-fixture.js';

describe('follow-up targets', () => {
  it('reads each response asked for, in order, as the dialogs need it', () => {
    const db = openFollowupCache();
    pull(db, { response_id: 'r2', assignee_id: ANNA.id, status: 'in_progress', tags: ['vip'] }, ANNA.id, 1);
    expect(readTargets(db, ['r2', 'r-objected', 'gone', 'r1'])).toEqual([
      {
        responseId: 'r2',
        respondentName: 'Ingrid Olsen',
        respondentLabel: 'Ingrid Olsen',
        surveyType: 'nps',
        score: 2,
        band: 'negative',
        language: 'sv',
        excerpt: 'Comment of r2',
        status: 'in_progress',
        assigneeId: ANNA.id,
        tags: ['vip'],
        hasFollowup: true,
        notContactable: null,
      },
      expect.objectContaining({
        responseId: 'r-objected',
        notContactable: 'objected',
        hasFollowup: false,
        status: 'new',
      }),
      expect.objectContaining({ responseId: 'r1', assigneeId: null, tags: [] }),
    ]);
  });

  it('shows a respondent without a name by their id, e-mail or respondent id, and greets nobody by those', () => {
    const db = openFollowupCache();
    db.prepare("UPDATE respondents SET name = NULL, external_id = NULL WHERE id = 'u-ok'").run();
    expect(readTargets(db, ['r1'])[0]).toMatchObject({ respondentName: null, respondentLabel: 'u-ok@example.com' });
    db.prepare("DELETE FROM respondents WHERE id = 'u-ok'").run();
    expect(readTargets(db, ['r1'])[0]).toMatchObject({ respondentName: null, respondentLabel: 'u-ok' });
  });

  it('reads an erased respondent as not contactable', () => {
    const db = openFollowupCache();
    db.prepare("INSERT INTO erasures (end_user_id, erased_at) VALUES ('u-ok', 0)").run();
    db.prepare("DELETE FROM respondents WHERE id = 'u-ok'").run();
    expect(readTargets(db, ['r1'])[0]?.notContactable).toBe('erased');
  });
});

describe('a follow-up’s notes and contact log', () => {
  it('shows who wrote and who edited each note, and the contacts by contact time', () => {
    const db = openFollowupCache();
    pull(
      db,
      { response_id: 'r1', assignee_id: ME.id, status: 'in_progress' },
      ME.id,
      5,
      { kind: 'note_added', note_id: 'n1', text: 'First' },
      {
        kind: 'contact_logged',
        contact_id: 'c1',
        contact: { channel: 'phone', direction: 'outbound', outcome: 'no_answer', note: '', contacted_at: at(4) },
      },
    );
    pull(db, { response_id: 'r1', assignee_id: ME.id, status: 'in_progress' }, ANNA.id, 9, {
      kind: 'note_edited',
      note_id: 'n1',
      text: 'First, corrected',
    });
    expect(readRecord(db, 'r1')).toEqual({
      notes: [
        { id: 'n1', authorId: ME.id, text: 'First, corrected', createdAt: ms(5), editedAt: ms(9), editedBy: ANNA.id },
      ],
      contacts: [
        {
          id: 'c1',
          actorId: ME.id,
          channel: 'phone',
          direction: 'outbound',
          outcome: 'no_answer',
          note: '',
          contactedAt: ms(4),
          loggedAt: ms(5),
        },
      ],
    });
    expect(readRecord(db, 'r2')).toEqual({ notes: [], contacts: [] });
  });
});

describe('the Follow-ups section’s lists', () => {
  it('lists my follow-ups still to work on soonest due first (done ones until told), and what was closed lately', () => {
    const db = openFollowupCache();
    pull(db, { response_id: 'r1', assignee_id: ME.id, status: 'assigned', due_at: at(300) }, ME.id, 1);
    pull(db, { response_id: 'r2', assignee_id: ME.id, status: 'waiting', due_at: at(100) }, ME.id, 1);
    pull(db, { response_id: 'r3', assignee_id: ME.id, status: 'in_progress', due_at: null }, ME.id, 1);
    pull(db, { response_id: 'r4', assignee_id: ANNA.id, status: 'assigned', due_at: at(50) }, ANNA.id, 1);
    pull(db, { response_id: 'r5', assignee_id: ME.id, status: 'informed', updated_at: at(20) }, ME.id, 20);
    pull(db, { response_id: 'r6', assignee_id: ME.id, status: 'done', due_at: at(200) }, ME.id, 20);
    const mine = readFollowupList(db, 'mine', ms(30));
    expect(mine.open.map((r) => r.responseId)).toEqual(['r2', 'r6', 'r1', 'r3']);
    expect(mine.recentlyClosed.map((r) => r.responseId)).toEqual(['r5']);
    expect(mine.open[0]).toMatchObject({ assigneeName: 'Jonas Berg', respondentName: 'Ingrid Olsen', dueAt: ms(100) });
    expect(readFollowupList(db, 'team', ms(30)).open.map((r) => r.responseId)).toEqual(['r4', 'r2', 'r6', 'r1', 'r3']);
    // Two weeks later, the closed one has dropped off.
    expect(readFollowupList(db, 'mine', ms(30 + 15 * 24 * 60)).recentlyClosed).toEqual([]);
  });
});

describe('the team’s SLA policy, as fetched from the server', () => {
  const team: SlaPolicy = {
    ...DEFAULT_SLA_POLICY,
    nps: { ...DEFAULT_SLA_POLICY.nps, negative: { firstContactHours: 4, priority: 'urgent' } },
  };
  const setByMaja = { policy: team, updated_at: at(5), updated_by: MAJA.id };

  it('is the default, not yet fetched, until the first sync stores the server’s', () => {
    const db = openFollowupCache();
    expect(teamSlaPolicy(db)).toEqual(DEFAULT_SLA_POLICY);
    expect(readTeamSlaPolicy(db)).toEqual({
      policy: DEFAULT_SLA_POLICY,
      fetched: false,
      updatedAt: null,
      updatedBy: null,
      canEdit: false,
    });
    // A server that keeps the default: stored, but the policy in effect did not change.
    expect(recordTeamPolicy(db, { policy: DEFAULT_SLA_POLICY, updated_at: null, updated_by: null })).toEqual({
      changed: false,
    });
    expect(readTeamSlaPolicy(db)).toMatchObject({ policy: DEFAULT_SLA_POLICY, fetched: true });
  });

  it('is cached as fetched, says who set it, and changes only when the server’s does', () => {
    const db = openFollowupCache();
    expect(recordTeamPolicy(db, setByMaja)).toEqual({ changed: true });
    expect(recordTeamPolicy(db, setByMaja)).toEqual({ changed: false });
    expect(teamSlaPolicy(db)).toEqual(team);
    expect(readTeamSlaPolicy(db)).toEqual({
      policy: team,
      fetched: true,
      updatedAt: ms(5),
      updatedBy: 'Maja Lindqvist',
      canEdit: false,
    });
    // Someone the directory does not know is shown by id.
    recordTeamPolicy(db, { ...setByMaja, updated_by: 'st-gone' });
    expect(readTeamSlaPolicy(db).updatedBy).toBe('st-gone');
  });

  it('may be changed by a manager only', () => {
    const db = openFollowupCache();
    recordIdentity(db, { me: MAJA, staff: [ME, ANNA, MAJA] });
    expect(readTeamSlaPolicy(db).canEdit).toBe(true);
  });

  it('gives a follow-up born on this install (the optimistic copy) the cached policy', () => {
    const db = openFollowupCache();
    recordTeamPolicy(db, setByMaja);
    const outcome = submitMutation(db, {
      name: 'assign',
      args: { response_id: 'r1', assignee_id: ME.id },
      nowMs: ms(30),
    });
    expect(outcome).toMatchObject({ ok: true });
    expect(getFollowup(db, followupIdFor('r1'))).toMatchObject({
      status: 'assigned',
      priority: 'urgent',
      due_at: new Date(ms(1) + 4 * 3_600_000).toISOString(),
    });
    // Without a fetched policy the default applies (48 h, high).
    const fresh = openFollowupCache();
    submitMutation(fresh, { name: 'assign', args: { response_id: 'r1', assignee_id: ME.id }, nowMs: ms(30) });
    expect(getFollowup(fresh, followupIdFor('r1'))).toMatchObject({
      priority: 'high',
      due_at: new Date(ms(1) + 48 * 3_600_000).toISOString(),
    });
  });
});

describe('the managed root causes', () => {
  it('offers the causes seen on follow-ups plus those added, minus those removed', () => {
    const db = openFollowupCache();
    pull(db, { response_id: 'r1', status: 'done' }, ME.id, 1, {
      kind: 'done',
      action_summary: 'x',
      root_causes: ['pricing', 'bug'],
    });
    expect(readRootCauses(db)).toEqual(['bug', 'pricing']);
    expect(editRootCauses(db, { add: [' Billing error '], remove: ['bug'] }, ms(2))).toEqual([
      'Billing error',
      'pricing',
    ]);
    // Added again later: it comes back.
    expect(editRootCauses(db, { add: ['bug'], remove: [] }, ms(3))).toEqual(['Billing error', 'bug', 'pricing']);
    expect(readFollowupsContext(db)).toMatchObject({
      me: { id: ME.id },
      rootCauses: ['Billing error', 'bug', 'pricing'],
      slaPolicy: DEFAULT_SLA_POLICY,
    });
  });
});
