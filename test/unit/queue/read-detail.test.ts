import { describe, expect, it } from 'vitest';
import { readQueueDetail } from '../../../electron/core/queue/read-detail.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { at, decline, respondentStory, respondent, response, staff } from '../db/support/records.js';
import { openTestDatabase } from '../db/support/test-database.js';

describe('response detail', () => {
  it('brings the response, respondent, follow-up history and the respondent’s other answers', () => {
    const { db } = openTestDatabase();
    applyChanges(db, [
      { kind: 'staff', data: staff('staff-1', { name: 'Ana' }) },
      ...respondentStory('u1', 'r1'),
      { kind: 'response', data: response('r0', 'u1', { created_at: at(-50) }) },
      { kind: 'response', data: response('other', 'u2') },
    ]);
    const detail = readQueueDetail(db, 'r1')!;
    expect(detail.response.id).toBe('r1');
    expect(detail.band).toBe('negative');
    expect(detail.respondentState).toBe('present');
    expect(detail.respondent?.email).toBe('u1@example.com');
    expect(detail.notContactable).toBeNull();
    expect(detail.followup?.status).toBe('assigned');
    expect(detail.history.map((e) => e.data.kind)).toEqual(['created', 'contact_logged', 'note_added']);
    expect(detail.staff.map((s) => s.name)).toEqual(['Ana']);
    expect(detail.lastContactAt).toBe(Date.parse(at(6)));
    // Newest first: the decline (at 2) before the earlier answer (at -50); never the response itself.
    expect(detail.timeline.map((t) => (t.kind === 'response' ? t.response.id : t.decline.id))).toEqual([
      'r1-decline',
      'r0',
    ]);
    db.close();
  });

  it('says why a respondent may not be contacted', () => {
    const { db } = openTestDatabase();
    applyChanges(db, [
      { kind: 'respondent', data: respondent('objector', { objected: true }) },
      { kind: 'response', data: response('r-objected', 'objector') },
      { kind: 'respondent', data: respondent('silent', { email: null, phone: null }) },
      { kind: 'response', data: response('r-silent', 'silent') },
      { kind: 'response', data: response('r-unknown', 'not-synced-yet') },
      { kind: 'decline', data: decline('d1', 'not-synced-yet') },
    ]);
    expect(readQueueDetail(db, 'r-objected')?.notContactable).toBe('objected');
    expect(readQueueDetail(db, 'r-silent')?.notContactable).toBe('no_contact_details');
    const unknown = readQueueDetail(db, 'r-unknown')!;
    expect(unknown.respondentState).toBe('not_synced');
    expect(unknown.notContactable).toBe('no_contact_details');
    expect(readQueueDetail(db, 'missing')).toBeNull();
    db.close();
  });
});
