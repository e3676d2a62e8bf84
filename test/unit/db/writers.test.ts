import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../common/api/changes.js';
import { countRows } from '../../../electron/core/db/readers/count-rows.js';
import { getResponse } from '../../../electron/core/db/readers/get-response.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { quarantineRecord } from '../../../electron/core/db/writers/quarantine-record.js';
import { at, event, followup, respondent, respondentStory, response, staff } from './support/records.js';
import { dumpTables, openTestDatabase } from './support/test-database.js';

function page(): Change[] {
  return [
    { kind: 'staff', data: staff('staff-1') },
    ...respondentStory('u1', 'r1'),
    ...respondentStory('u2', 'r2'),
    { kind: 'response', data: response('r1', 'u1', { text: 'Edited: the invoice is still wrong', updated_at: at(9) }) },
    { kind: 'followup', data: followup('r1', 'u1', { status: 'in_progress', version: 3, updated_at: at(10) }) },
    {
      kind: 'followup_event',
      data: event('r1-e4', 'r1', { kind: 'note_edited', note_id: 'r1-n1', text: 'Edited note' }, 11),
    },
    {
      kind: 'followup_event',
      data: event('r2-e4', 'r2', { kind: 'done', action_summary: 'Refunded', root_causes: ['billing', 'ux'] }, 12),
    },
  ];
}

describe('applyChanges', () => {
  it('returns what it applied', () => {
    const { db } = openTestDatabase();
    const summary = applyChanges(db, page());
    expect(summary).toMatchObject({ applied: page().length, skipped: 0, erasures: 0 });
    expect([...summary.kinds].sort()).toEqual([
      'decline',
      'followup',
      'followup_event',
      'respondent',
      'response',
      'staff',
    ]);
    db.close();
  });

  it('gives the same state when the same page is applied twice', () => {
    const { db } = openTestDatabase();
    applyChanges(db, page());
    const once = dumpTables(db);
    const again = applyChanges(db, page());
    expect(dumpTables(db)).toEqual(once);
    expect(again.skipped).toBe(page().filter((c) => c.kind === 'followup_event').length);
    db.close();
  });

  it('gives the same state for any replay of any prefix of the feed (property)', () => {
    const feed = page();
    const { db: reference } = openTestDatabase();
    applyChanges(reference, feed);
    const expected = dumpTables(reference);
    reference.close();

    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: feed.length }), { maxLength: 4 }), (replays) => {
        const { db } = openTestDatabase();
        // A crash between pages replays an already-applied prefix; then the feed goes on.
        for (const end of replays) applyChanges(db, feed.slice(0, end));
        applyChanges(db, feed);
        const state = dumpTables(db);
        db.close();
        expect(state).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });

  it('rolls the whole page back when one change fails', () => {
    const { db } = openTestDatabase();
    const bad = followup('r9', 'u9', { id: 'fu_other' });
    const clash = followup('r9', 'u9');
    expect(() =>
      applyChanges(db, [
        { kind: 'staff', data: staff('s9') },
        { kind: 'followup', data: clash },
        { kind: 'followup', data: bad },
      ]),
    ).toThrow(/UNIQUE/);
    expect(countRows(db)).toMatchObject({ staff: 0, followups: 0 });
    db.close();
  });

  it('stores a response so that it reads back as the same record', () => {
    const { db } = openTestDatabase();
    const record = response('r1', 'u1', { tags: ['a', 'b'], excluded_from_calculations: true, text: 'ümlaut 😀' });
    applyChanges(db, [{ kind: 'response', data: record }]);
    expect(getResponse(db, 'r1')).toEqual(record);
    expect(getResponse(db, 'nope')).toBeNull();
    db.close();
  });

  it('keeps the response’s triage columns in step with its follow-up, whichever arrives first', () => {
    const { db } = openTestDatabase();
    const triage = (id: string): unknown =>
      db.prepare('SELECT status, assignee_id, priority, due_at FROM responses WHERE id = ?').get(id);
    applyChanges(db, [{ kind: 'response', data: response('r1', 'u1') }]);
    expect(triage('r1')).toEqual({ status: 'new', assignee_id: null, priority: null, due_at: null });

    applyChanges(db, [{ kind: 'followup', data: followup('r1', 'u1', { status: 'waiting', assignee_id: 's2' }) }]);
    expect(triage('r1')).toMatchObject({ status: 'waiting', assignee_id: 's2', priority: 'high' });

    applyChanges(db, [
      { kind: 'followup', data: followup('r2', 'u2', { status: 'done', assignee_id: 's3', due_at: null }) },
      { kind: 'response', data: response('r2', 'u2') },
    ]);
    expect(triage('r2')).toEqual({ status: 'done', assignee_id: 's3', priority: 'high', due_at: null });
    db.close();
  });

  it('projects contact logs, notes and root causes from follow-up events', () => {
    const { db } = openTestDatabase();
    applyChanges(db, page());
    expect(
      db.prepare('SELECT id, followup_id, channel, outcome, note FROM contact_log WHERE id = ?').get('r1-c1'),
    ).toEqual({
      id: 'r1-c1',
      followup_id: 'fu_r1',
      channel: 'phone',
      outcome: 'reached',
      note: 'Called u1 about the invoice',
    });
    expect(db.prepare('SELECT text, edited_by FROM notes WHERE id = ?').get('r1-n1')).toEqual({
      text: 'Edited note',
      edited_by: 'staff-1',
    });
    expect(db.prepare('SELECT tag FROM root_cause_tags ORDER BY tag').pluck().all()).toEqual(['billing', 'ux']);
    db.close();
  });

  it('keeps the latest text when a note’s edit arrives before its creation', () => {
    const { db } = openTestDatabase();
    applyChanges(db, [
      { kind: 'followup_event', data: event('e2', 'r1', { kind: 'note_edited', note_id: 'n1', text: 'second' }, 20) },
    ]);
    applyChanges(db, [
      { kind: 'followup_event', data: event('e1', 'r1', { kind: 'note_added', note_id: 'n1', text: 'first' }, 10) },
    ]);
    expect(db.prepare('SELECT text, created_at, edited_at FROM notes').get()).toEqual({
      text: 'second',
      created_at: Date.parse(at(10)),
      edited_at: Date.parse(at(20)),
    });
    db.close();
  });

  it('quarantines a record with its reason and whatever identifiers it carries', () => {
    const { db } = openTestDatabase();
    quarantineRecord(db, {
      payload: { kind: 'response', data: { id: 'r1', end_user_id: 'u1', score: 99 } },
      reason: 'score: too big',
      atMs: 1,
    });
    quarantineRecord(db, { payload: 'garbage', reason: 'not an object', atMs: 2 });
    expect(db.prepare('SELECT kind, record_id, end_user_id, reason FROM quarantine ORDER BY id').all()).toEqual([
      { kind: 'response', record_id: 'r1', end_user_id: 'u1', reason: 'score: too big' },
      { kind: null, record_id: null, end_user_id: null, reason: 'not an object' },
    ]);
    db.close();
  });

  it('stores respondents with their properties and flags', () => {
    const { db } = openTestDatabase();
    applyChanges(db, [{ kind: 'respondent', data: respondent('u1', { objected: true }) }]);
    expect(db.prepare('SELECT properties, restricted, objected FROM respondents').get()).toEqual({
      properties: '{"plan":"pro","seats":12,"trial":false}',
      restricted: 0,
      objected: 1,
    });
    db.close();
  });
});
