// The database worker writes the page's own text once the parser has validated it, so the
// schemas must give back exactly what they were given: strict (an unknown key is an error,
// not silently dropped) and without transforms or defaults. If a schema change breaks that,
// these fail before a change could reach the cache unvalidated.
import { describe, expect, it } from 'vitest';
import { Change } from '../../../common/api/changes.js';
import { changesOfParsedPage, parseChangesPage } from '../../../electron/core/sync/parse-page.js';
import { decline, respondentStory, staff } from '../db/support/records.js';

const CHANGES: readonly Change[] = [
  ...respondentStory('u1', 'r1'),
  { kind: 'decline', data: decline('d1', 'u1') },
  { kind: 'staff', data: staff('s1') },
  { kind: 'erasure', data: { end_user_id: 'u2', erased_at: '2026-01-02T03:04:05.000Z' } },
];

describe('what the parser validates is what the database worker writes', () => {
  it('covers every kind of change', () => {
    expect(new Set(CHANGES.map((c) => c.kind))).toEqual(
      new Set(['respondent', 'response', 'followup', 'followup_event', 'decline', 'staff', 'erasure']),
    );
  });

  it('gives every valid change back unchanged', () => {
    for (const change of CHANGES) expect(Change.parse(change), change.kind).toStrictEqual(change);
  });

  it('refuses an unknown key at any level instead of dropping it', () => {
    for (const change of CHANGES) {
      expect(Change.safeParse({ ...change, extra: 1 }).success, change.kind).toBe(false);
      expect(Change.safeParse({ ...change, data: { ...change.data, extra: 1 } }).success, change.kind).toBe(false);
    }
  });

  it('hands the worker the changes in order, each invalid one in its place with its reason', () => {
    const page = { changes: [CHANGES[0], { kind: 'mystery' }, CHANGES[1]], next_cursor: 'c', has_more: false };
    const parsed = parseChangesPage(new TextEncoder().encode(JSON.stringify(page)).buffer);
    if (parsed.kind !== 'page') throw new Error(parsed.kind);
    expect(changesOfParsedPage(parsed.text, parsed.invalid)).toEqual([
      CHANGES[0],
      { payload: { kind: 'mystery' }, reason: expect.any(String) as string },
      CHANGES[1],
    ]);
  });
});
