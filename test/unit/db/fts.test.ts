import { describe, expect, it } from 'vitest';
import { searchResponseIds, toFtsPrefixQuery } from '../../../electron/core/db/readers/search-responses.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { at, response } from './support/records.js';
import { openTestDatabase } from './support/test-database.js';

function seeded() {
  const test = openTestDatabase();
  applyChanges(test.db, [
    { kind: 'response', data: response('r1', 'u1', { text: 'La crème brûlée était froide', created_at: at(1) }) },
    { kind: 'response', data: response('r2', 'u2', { text: 'Søren says the ÉDITEUR crashes', created_at: at(2) }) },
    { kind: 'response', data: response('r3', 'u3', { text: 'Billing page is slow', created_at: at(3) }) },
    { kind: 'response', data: response('r4', 'u4', { text: null, created_at: at(4) }) },
  ]);
  return test;
}

describe('comment search', () => {
  it('matches whatever the accents, on either side', () => {
    const { db } = seeded();
    expect(searchResponseIds(db, 'creme brulee')).toEqual(['r1']);
    expect(searchResponseIds(db, 'CRÈME')).toEqual(['r1']);
    expect(searchResponseIds(db, 'editeur')).toEqual(['r2']);
    expect(searchResponseIds(db, 'etait')).toEqual(['r1']);
    db.close();
  });

  it('matches words by their beginning, every word required', () => {
    const { db } = seeded();
    expect(searchResponseIds(db, 'bil')).toEqual(['r3']);
    expect(searchResponseIds(db, 'cr')).toEqual(['r2', 'r1']);
    expect(searchResponseIds(db, 'cr slow')).toEqual([]);
    expect(searchResponseIds(db, 'fro')).toEqual(['r1']);
    db.close();
  });

  it('follows edits and deletions of the comment', () => {
    const { db } = seeded();
    applyChanges(db, [
      { kind: 'response', data: response('r3', 'u3', { text: 'Now about exports', created_at: at(3) }) },
    ]);
    expect(searchResponseIds(db, 'billing')).toEqual([]);
    expect(searchResponseIds(db, 'exports')).toEqual(['r3']);
    applyChanges(db, [{ kind: 'response', data: response('r3', 'u3', { text: null, created_at: at(3) }) }]);
    expect(searchResponseIds(db, 'exports')).toEqual([]);
    // Throws SQLITE_CORRUPT_VTAB if the index and the responses table disagree.
    expect(() => db.exec("INSERT INTO responses_fts (responses_fts) VALUES ('integrity-check')")).not.toThrow();
    db.close();
  });

  it('treats the user’s text as words, never as query syntax', () => {
    const { db } = seeded();
    expect(toFtsPrefixQuery('  ')).toBeNull();
    expect(toFtsPrefixQuery('a "b" NOT')).toBe('"a"* """b"""* "NOT"*');
    expect(() => searchResponseIds(db, 'crème AND (" NEAR')).not.toThrow();
    expect(searchResponseIds(db, '')).toEqual([]);
    db.close();
  });

  it('is configured with diacritics folding, prefix indexes and secure-delete', () => {
    const { db } = seeded();
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'responses_fts'").pluck().get() as string;
    expect(sql).toMatch(/unicode61 remove_diacritics 2/);
    expect(sql).toMatch(/prefix = '2 3'/);
    expect(db.prepare("SELECT v FROM responses_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(1);
    db.close();
  });
});
