// A page and its cursor land together; invalid records are quarantined, not fatal.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { commitStagedPages } from '../../../electron/core/sync/store/commit-page.js';
import { parseChangesPage } from '../../../electron/core/sync/parse-page.js';
import { stagePage } from '../../../electron/core/sync/store/stage-page.js';
import { readCursor } from '../../../electron/core/sync/store/sync-state.js';
import { respondent, response } from '../db/support/records.js';
import { openTestDatabase } from '../db/support/test-database.js';
import { applyPage } from './store-support.js';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).buffer;

function count(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('staging and committing a page', () => {
  it('quarantines each invalid change with its reason and applies the rest with the cursor', () => {
    const { db } = openTestDatabase();
    const result = applyPage(db, [
      { kind: 'respondent', data: respondent('u1') },
      { kind: 'response', data: { ...response('r1', 'u1'), score: 42 } },
      { kind: 'mystery', data: { id: 'x1' } },
      { kind: 'response', data: response('r2', 'u1') },
    ]);
    expect(result).toMatchObject({ ok: true, applied: 2, quarantined: 2 });
    expect(count(db, 'responses')).toBe(1);
    const rows = db.prepare('SELECT kind, record_id, end_user_id, reason FROM quarantine ORDER BY id').all();
    expect(rows).toEqual([
      { kind: 'response', record_id: 'r1', end_user_id: 'u1', reason: expect.stringContaining('data.score') as string },
      { kind: 'mystery', record_id: 'x1', end_user_id: null, reason: expect.stringContaining('kind') as string },
    ]);
    expect(readCursor(db)).not.toBeNull();
    // The record arrives valid later: it is no longer a problem.
    applyPage(db, [{ kind: 'response', data: response('r1', 'u1') }]);
    expect(db.prepare('SELECT kind FROM quarantine').pluck().all()).toEqual(['mystery']);
  });

  it('refuses a page that does not follow the stored cursor, applying nothing', () => {
    const { db } = openTestDatabase();
    applyPage(db, [{ kind: 'respondent', data: respondent('u1') }]);
    const parsed = parseChangesPage(
      bytes({ changes: [{ kind: 'respondent', data: respondent('u2') }], next_cursor: 'n', has_more: false }),
    );
    if (parsed.kind !== 'page') throw new Error('not a page');
    const staged = stagePage(db, parsed);
    expect(commitStagedPages(db, { throughStageId: staged.stageId, cursor: 'some-older-cursor', nowMs: 0 })).toEqual({
      ok: false,
      reason: 'cursor_moved',
    });
    expect(count(db, 'respondents')).toBe(1);
    expect(commitStagedPages(db, { throughStageId: staged.stageId, cursor: readCursor(db), nowMs: 0 })).toEqual({
      ok: false,
      reason: 'not_staged',
    });
  });

  it('tells a reset and a malformed page apart from a page', () => {
    expect(parseChangesPage(bytes({ reset: true, reason: 'Too old.' }))).toEqual({ kind: 'reset', reason: 'Too old.' });
    expect(parseChangesPage(bytes({ changes: 'nope' }))).toMatchObject({ kind: 'invalid' });
    expect(parseChangesPage(new Uint8Array([0x7b, 0xff, 0x7d]).buffer)).toMatchObject({ kind: 'invalid' });
    expect(
      parseChangesPage(bytes({ changes: [], next_cursor: 'c', has_more: false, remaining_estimate: 0 })),
    ).toMatchObject({
      kind: 'page',
      count: 0,
      remaining: 0,
    });
  });
});
