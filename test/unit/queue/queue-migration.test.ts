import { describe, expect, it } from 'vitest';
import type { Change } from '../../../common/api/changes.js';
import { FOLLOWUP_STATUSES } from '../../../common/domain/followup-status.js';
import { BANDS, bandOf, SCORE_SCALES, SURVEY_TYPES } from '../../../common/domain/metrics.js';
import { openDatabase } from '../../../electron/core/db/open-database.js';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index.js';
import { OPEN_STATUS_LIST_SQL, statusListSql } from '../../../electron/core/db/migrations/0002-queue-indexes.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { at, event, followup, respondent, response } from '../db/support/records.js';
import { openTestDatabase } from '../db/support/test-database.js';

function tagsOf(db: Db, responseId: string): string[] {
  return db
    .prepare('SELECT tag FROM queue_tags WHERE rid = (SELECT rid FROM responses WHERE id = ?) ORDER BY tag')
    .pluck()
    .all(responseId) as string[];
}

function lastContact(db: Db, responseId: string): number | null {
  return db.prepare('SELECT last_contact_at FROM responses WHERE id = ?').pluck().get(responseId) as number | null;
}

const contact = (id: string, responseId: string, minutes: number): Change => ({
  kind: 'followup_event',
  data: event(`${id}-e`, responseId, {
    kind: 'contact_logged',
    contact_id: id,
    contact: { channel: 'phone', direction: 'outbound', outcome: 'reached', note: '', contacted_at: at(minutes) },
  }),
});

describe('queue schema (migration 0002)', () => {
  it('derives band, normalised score and lifecycle rank as common/domain defines them', () => {
    const { db } = openTestDatabase();
    const changes: Change[] = [];
    for (const type of SURVEY_TYPES) {
      const scale = SCORE_SCALES[type];
      for (let score = scale.min; score <= scale.max; score += 1) {
        changes.push({ kind: 'response', data: response(`${type}-${score}`, 'u1', { survey_type: type, score }) });
      }
    }
    applyChanges(db, changes);
    const rows = db.prepare('SELECT survey_type, score, band, score_rank FROM responses').all() as {
      survey_type: (typeof SURVEY_TYPES)[number];
      score: number;
      band: number;
      score_rank: number;
    }[];
    for (const row of rows) {
      const scale = SCORE_SCALES[row.survey_type];
      expect(BANDS[row.band]).toBe(bandOf(row.survey_type, row.score));
      expect(row.score_rank).toBe(((row.score - scale.min) * 60) / (scale.max - scale.min));
    }
    FOLLOWUP_STATUSES.forEach((status, i) => {
      applyChanges(db, [{ kind: 'followup', data: followup('nps-0', 'u1', { status }) }]);
      expect(db.prepare("SELECT status_rank FROM responses WHERE id = 'nps-0'").pluck().get()).toBe(i);
    });
    db.close();
  });

  it('writes status lists the way the open-follow-up partial indexes expect them', () => {
    expect(statusListSql(['waiting', 'new', 'in_progress', 'assigned'])).toBe(OPEN_STATUS_LIST_SQL);
    expect(statusListSql(['done', 'new'])).toBe("('new', 'done')");
    expect(statusListSql(["x') OR 1 --"])).toBe('()');
  });

  it('treats blank comments as no comment', () => {
    const { db } = openTestDatabase();
    applyChanges(db, [
      { kind: 'response', data: response('blank', 'u1', { text: '   ' }) },
      { kind: 'response', data: response('none', 'u1', { text: null }) },
      { kind: 'response', data: response('some', 'u1', { text: '  Hello There' }) },
    ]);
    const rows = db.prepare('SELECT id, has_comment, comment_key FROM responses ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'blank', has_comment: 0, comment_key: null },
      { id: 'none', has_comment: 0, comment_key: null },
      { id: 'some', has_comment: 1, comment_key: 'hello there' },
    ]);
    db.close();
  });

  it('keeps the tag rows of a response and its follow-up in step, whatever arrives first', () => {
    const { db } = openTestDatabase();
    applyChanges(db, [
      { kind: 'followup', data: followup('r1', 'u1', { tags: ['escalated'] }) },
      { kind: 'response', data: response('r1', 'u1', { tags: ['vip', 'beta'] }) },
    ]);
    expect(tagsOf(db, 'r1')).toEqual(['beta', 'escalated', 'vip']);
    applyChanges(db, [{ kind: 'response', data: response('r1', 'u1', { tags: ['vip'] }) }]);
    expect(tagsOf(db, 'r1')).toEqual(['escalated', 'vip']);
    applyChanges(db, [{ kind: 'followup', data: followup('r1', 'u1', { tags: ['vip'] }) }]);
    expect(tagsOf(db, 'r1')).toEqual(['vip']);
    applyChanges(db, [{ kind: 'erasure', data: { end_user_id: 'u1', erased_at: at(100) } }]);
    expect(db.prepare('SELECT count(*) FROM queue_tags').pluck().get()).toBe(0);
    db.close();
  });

  it('copies the newest contact onto the response, whatever arrives first', () => {
    const { db } = openTestDatabase();
    applyChanges(db, [contact('c1', 'r1', 10), { kind: 'response', data: response('r1', 'u1') }]);
    expect(lastContact(db, 'r1')).toBeNull();
    applyChanges(db, [{ kind: 'followup', data: followup('r1', 'u1') }]);
    expect(lastContact(db, 'r1')).toBe(Date.parse(at(10)));
    applyChanges(db, [contact('c2', 'r1', 30), contact('c3', 'r1', 20)]);
    expect(lastContact(db, 'r1')).toBe(Date.parse(at(30)));

    applyChanges(db, [
      { kind: 'followup', data: followup('r2', 'u2') },
      contact('c4', 'r2', 40),
      { kind: 'response', data: response('r2', 'u2') },
    ]);
    expect(lastContact(db, 'r2')).toBe(Date.parse(at(40)));
    db.close();
  });

  it('fills tags and last contacts in for a profile that already held data', () => {
    const { db: first, file, key } = openTestDatabase({ migrations: MIGRATIONS.slice(0, 1) });
    applyChanges(first, [
      { kind: 'respondent', data: respondent('u1') },
      { kind: 'response', data: response('r1', 'u1', { tags: ['vip'] }) },
      { kind: 'followup', data: followup('r1', 'u1', { tags: ['escalated'] }) },
      contact('c1', 'r1', 12),
    ]);
    first.close();
    const db = openDatabase({ file, key });
    expect(tagsOf(db, 'r1')).toEqual(['escalated', 'vip']);
    expect(lastContact(db, 'r1')).toBe(Date.parse(at(12)));
    db.close();
  });
});
