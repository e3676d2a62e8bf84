import { describe, expect, it } from 'vitest';
import type { Change } from '../../../common/api/changes.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { countRows } from '../../../electron/core/db/readers/count-rows.js';
import { searchResponseIds } from '../../../electron/core/db/readers/search-responses.js';
import { appendOutbox } from '../../../electron/core/db/writers/append-outbox.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { quarantineRecord } from '../../../electron/core/db/writers/quarantine-record.js';
import { at, event, respondentStory, response } from './support/records.js';
import { openTestDatabase } from './support/test-database.js';

// Words that appear nowhere but in the erased respondent's comment.
const SECRET_WORDS = 'Quixotrix zebulonian grievance';
const erasure: Change = { kind: 'erasure', data: { end_user_id: 'u1', erased_at: at(100) } };

function seeded() {
  const test = openTestDatabase();
  applyChanges(test.db, [
    ...respondentStory('u1', 'r1'),
    { kind: 'response', data: response('r1b', 'u1', { text: SECRET_WORDS }) },
    // An event whose follow-up row has not arrived yet.
    { kind: 'followup_event', data: event('r1b-e1', 'r1b', { kind: 'note_added', note_id: 'r1b-n1', text: 'x' }) },
    ...respondentStory('u2', 'r2'),
  ]);
  appendOutbox(test.db, { name: 'add_note', args: { response_id: 'r1', note_id: 'n9', text: 'pending' } }, 1);
  appendOutbox(test.db, { name: 'unassign', args: { response_id: 'r2' } }, 2);
  quarantineRecord(test.db, { payload: { kind: 'response', data: { end_user_id: 'u1' } }, reason: 'bad', atMs: 3 });
  return test;
}

function rowsAbout(db: Db, endUserId: string, responseIds: readonly string[]): Record<string, number> {
  const followupIds = responseIds.map((id) => `fu_${id}`);
  const count = (sql: string, ...params: unknown[]): number =>
    db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  const inList = (ids: readonly string[]): string => `(${ids.map((id) => `'${id}'`).join(', ')})`;
  return {
    respondents: count('SELECT count(*) FROM respondents WHERE id = ?', endUserId),
    responses: count('SELECT count(*) FROM responses WHERE end_user_id = ?', endUserId),
    declines: count('SELECT count(*) FROM declines WHERE end_user_id = ?', endUserId),
    followups: count('SELECT count(*) FROM followups WHERE end_user_id = ?', endUserId),
    events: count(`SELECT count(*) FROM followup_events WHERE followup_id IN ${inList(followupIds)}`),
    contacts: count(`SELECT count(*) FROM contact_log WHERE followup_id IN ${inList(followupIds)}`),
    notes: count(`SELECT count(*) FROM notes WHERE followup_id IN ${inList(followupIds)}`),
    outbox: count(`SELECT count(*) FROM outbox WHERE response_id IN ${inList(responseIds)}`),
    quarantine: count('SELECT count(*) FROM quarantine WHERE end_user_id = ?', endUserId),
  };
}

/** Every byte of every FTS shadow table (data, idx, docsize, config, content if any). */
function ftsShadowBytes(db: Db): Buffer {
  const shadows = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'responses_fts_%'")
    .pluck()
    .all() as string[];
  expect(shadows).toEqual(expect.arrayContaining(['responses_fts_data', 'responses_fts_idx']));
  const chunks: Buffer[] = [];
  for (const table of shadows) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]) {
      for (const value of row) {
        if (Buffer.isBuffer(value)) chunks.push(value);
        else if (typeof value === 'string' || typeof value === 'number') chunks.push(Buffer.from(String(value)));
      }
    }
  }
  return Buffer.concat(chunks);
}

describe('erasure', () => {
  it('purges everything held about the respondent, pending edits included', () => {
    const { db } = seeded();
    expect(Object.values(rowsAbout(db, 'u1', ['r1', 'r1b'])).every((n) => n > 0)).toBe(true);

    const summary = applyChanges(db, [erasure]);

    expect(summary.erasures).toBe(1);
    expect(rowsAbout(db, 'u1', ['r1', 'r1b'])).toEqual({
      respondents: 0,
      responses: 0,
      declines: 0,
      followups: 0,
      events: 0,
      contacts: 0,
      notes: 0,
      outbox: 0,
      quarantine: 0,
    });
    db.close();
  });

  it('leaves other respondents alone', () => {
    const { db } = seeded();
    const before = rowsAbout(db, 'u2', ['r2']);
    applyChanges(db, [erasure]);
    expect(rowsAbout(db, 'u2', ['r2'])).toEqual(before);
    expect(searchResponseIds(db, 'comment r2')).toEqual(['r2']);
    db.close();
  });

  it('removes the comments from the full-text index and its shadow tables', () => {
    const { db } = seeded();
    expect(searchResponseIds(db, 'quixotrix')).toEqual(['r1b']);
    expect(ftsShadowBytes(db).includes('zebulonian')).toBe(true);

    applyChanges(db, [erasure]);

    expect(searchResponseIds(db, 'quixotrix')).toEqual([]);
    expect(searchResponseIds(db, 'zebu')).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM responses_fts WHERE responses_fts MATCH 'grievance'").pluck().get()).toBe(
      0,
    );
    const shadow = ftsShadowBytes(db);
    for (const word of ['quixotrix', 'zebulonian', 'grievance', 'xotrix', 'bulonian']) {
      expect(shadow.includes(word), word).toBe(false);
    }
    db.close();
  });

  it('does not let a replayed page bring the erased respondent back', () => {
    const { db } = seeded();
    applyChanges(db, [erasure]);
    const replay = applyChanges(db, respondentStory('u1', 'r1'));
    expect(rowsAbout(db, 'u1', ['r1'])).toMatchObject({ respondents: 0, responses: 0, declines: 0, followups: 0 });
    expect(replay.skipped).toBeGreaterThanOrEqual(4);
    // A respondent created after the erasure is a new person: kept.
    applyChanges(db, [{ kind: 'response', data: response('r5', 'u1', { created_at: at(200), updated_at: at(200) }) }]);
    expect(countRows(db).responses).toBe(2);
    db.close();
  });
});
