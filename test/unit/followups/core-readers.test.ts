// What the follow-up dialogs, the detail pane and the Follow-ups section read from the cache:
// the follow-ups acted on (gate and language included), notes with their "edited" marker and
// the contact log, the lists, the SLA plan for newborn follow-ups, and the root-cause list.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../../../common/domain/sla.js';
import { readBirthPlan } from '../../../electron/core/followups/birth-plan.js';
import {
  editRootCauses,
  readRootCauses,
  readSlaPolicy,
  writeSlaPolicy,
} from '../../../electron/core/followups/followup-settings.js';
import { readFollowupsContext } from '../../../electron/core/followups/read-context.js';
import { readFollowupList } from '../../../electron/core/followups/read-list.js';
import { readRecord } from '../../../electron/core/followups/read-record.js';
import { readTargets } from '../../../electron/core/followups/read-targets.js';
import { at } from '../db/support/records.js';
import { ANNA, ME, ms, openFollowupCache, pull } from './core-fixture.js';

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

describe('the SLA policy and the birth plan', () => {
  it('keeps the default until the team sets one, then plans corrections only for responses without a follow-up', () => {
    const db = openFollowupCache();
    expect(readSlaPolicy(db)).toEqual(DEFAULT_SLA_POLICY);
    expect(readBirthPlan(db, ['r1'])).toEqual({});
    const team = {
      ...DEFAULT_SLA_POLICY,
      nps: { ...DEFAULT_SLA_POLICY.nps, negative: { firstContactHours: 4, priority: 'urgent' as const } },
    };
    writeSlaPolicy(db, team, ms(0));
    expect(readSlaPolicy(db)).toEqual(team);
    pull(db, { response_id: 'r2' }, ME.id, 1);
    expect(readBirthPlan(db, ['r1', 'r2', 'r1', 'gone'])).toEqual({
      r1: { due: { due_at: new Date(ms(1) + 4 * 3_600_000).toISOString() }, priority: { priority: 'urgent' } },
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
