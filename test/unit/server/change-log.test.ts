import { describe, expect, it } from 'vitest';
import { Store } from '../../../server/store/store.js';
import { loggedChanges } from '../../support/logged-changes.js';
import type { EndUser, SurveyResponse } from '../../../common/api/records.js';

const AT = '2026-05-01T10:00:00.000Z';
const user = (id: string): EndUser => ({
  id,
  email: null,
  external_id: null,
  name: null,
  phone: null,
  properties: {},
  restricted: false,
  objected: false,
  created_at: AT,
  updated_at: AT,
});
const response = (id: string, endUser: string): SurveyResponse => ({
  id,
  end_user_id: endUser,
  survey_type: 'nps',
  score: 9,
  text: null,
  origin_url: null,
  channel: 'web',
  product: 'Ledger',
  company: null,
  country: null,
  language: null,
  tags: [],
  excluded_from_calculations: false,
  created_at: AT,
  updated_at: AT,
});

function kinds(store: Store): string[] {
  return (loggedChanges(store) as { kind: string; data: { id?: string; end_user_id?: string } }[]).map(
    (c) => `${c.kind}:${c.data.id ?? c.data.end_user_id ?? ''}`,
  );
}

describe('ChangeLog', () => {
  it('keeps one change per record, never reuses a sequence number, and pokes only after commit', () => {
    const store = Store.open(null);
    let pokes = 0;
    store.onCommit(() => {
      pokes++;
    });
    store.write(() => {
      store.changes.append({ kind: 'respondent', data: user('u1') }, 0);
      store.changes.append({ kind: 'response', data: response('r1', 'u1') }, 0);
    });
    expect(pokes).toBe(1);
    const last = store.changes.lastSeq();
    store.write(() => {
      store.changes.append({ kind: 'respondent', data: user('u1') }, 0);
    });
    // The record moved to a sequence number above every one issued before.
    expect(loggedChanges(store, last, 10)).toEqual([{ kind: 'respondent', data: user('u1') }]);
    expect(kinds(store)).toEqual(['response:r1', 'respondent:u1']);
    store.write(() => {
      store.changes.append({ kind: 'response', data: response('r1', 'u1') }, 0);
    });
    expect(kinds(store)).toEqual(['respondent:u1', 'response:r1']);
    expect(store.changes.remainingAfter(0)).toBe(2);
    expect(() =>
      store.write(() => {
        store.changes.append({ kind: 'response', data: response('r2', 'u1') }, 0);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(pokes).toBe(3);
    expect(kinds(store)).toEqual(['respondent:u1', 'response:r1']);
    expect(store.changes.remainingAfter(0)).toBe(2);
    store.close();
  });

  it('moves a respondent’s other changes after a new respondent change, in their order', () => {
    const store = Store.open(null);
    store.write(() => {
      store.changes.append({ kind: 'respondent', data: user('u1') }, 0);
      store.changes.append({ kind: 'response', data: response('r1', 'u1') }, 0);
      store.changes.append({ kind: 'respondent', data: user('u2') }, 0);
      store.changes.append({ kind: 'response', data: response('r2', 'u1') }, 0);
      store.changes.append({ kind: 'respondent', data: { ...user('u1'), name: 'New' } }, 0);
      store.changes.moveAfterRespondent('u1');
    });
    expect(kinds(store)).toEqual(['respondent:u2', 'respondent:u1', 'response:r1', 'response:r2']);
    store.close();
  });

  it('removes a respondent’s changes and purges tombstones past the horizon', () => {
    const store = Store.open(null);
    store.write(() => {
      store.changes.append({ kind: 'respondent', data: user('u1') }, 0);
      store.changes.append({ kind: 'response', data: response('r1', 'u1') }, 0);
      store.changes.removeEndUser('u1');
      store.changes.append({ kind: 'erasure', data: { end_user_id: 'u1', erased_at: AT } }, 1_000);
    });
    expect(kinds(store)).toEqual(['erasure:u1']);
    expect(store.changes.purgeTombstones(1_000)).toBe(0);
    expect(store.changes.purgeTombstones(1_001)).toBe(1);
    expect(store.changes.horizonSeq).toBe(store.changes.lastSeq());
    expect(kinds(store)).toEqual([]);
    store.close();
  });
});

describe('ChangeLog.pageBytes', () => {
  it('joins a page of changes in feed order and says whether more follow', () => {
    const store = Store.open(null);
    store.write(() => {
      for (const id of ['u1', 'u2', 'u3']) store.changes.append({ kind: 'respondent', data: user(id) }, 0);
    });
    const first = store.changes.pageBytes(0, 2);
    expect(JSON.parse(`[${first.joined.toString()}]`)).toEqual([
      { kind: 'respondent', data: user('u1') },
      { kind: 'respondent', data: user('u2') },
    ]);
    expect(first).toMatchObject({ count: 2, hasMore: true });
    const rest = store.changes.pageBytes(first.lastSeq ?? -1, 2);
    expect(rest).toMatchObject({ count: 1, hasMore: false, lastSeq: store.changes.lastSeq() });
    // Exactly at the end: an empty page, nothing to join.
    expect(store.changes.pageBytes(store.changes.lastSeq(), 2)).toMatchObject({
      count: 0,
      lastSeq: null,
      hasMore: false,
    });
    expect(store.changes.pageBytes(store.changes.lastSeq(), 2).joined.length).toBe(0);
  });

  it('keeps a comment’s characters byte for byte', () => {
    const store = Store.open(null);
    const text = 'Crème brûlée 👍 "quoted" \\ back\u2028slash <script>';
    store.write(() => {
      store.changes.append({ kind: 'response', data: { ...response('r1', 'u1'), text } }, 0);
    });
    const [change] = loggedChanges(store) as { data: { text: string } }[];
    expect(change?.data.text).toBe(text);
  });
});
