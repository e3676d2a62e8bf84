// Root causes of loops closed in a period, counted by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_TEAM_FILTERS } from '../../../common/team/filters.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { readRootCauses } from '../../../electron/core/team/read-root-causes.js';
import { openTestDatabase } from '../db/support/test-database.js';
import { hours, writeLoops } from './support/team-fixture.js';

let db: Db;
beforeEach(() => {
  db = openTestDatabase().db;
});
afterEach(() => {
  db.close();
});

const WEEK = 7 * 24;

describe('root causes', () => {
  it('counts each cause of the loops closed in the period, by bucket, beside the period before', () => {
    writeLoops(db, [
      { id: 'a', status: 'done', done: 10, rootCauses: ['billing'] },
      { id: 'b', status: 'informed', done: WEEK + 10, rootCauses: ['billing', 'bug'] },
      { id: 'c', status: 'done', done: 20, rootCauses: [] },
      // Reopened: its done time is cleared, its causes no longer count.
      { id: 'd', status: 'in_progress', done: null, rootCauses: ['bug'] },
      // Closed in the week before the period.
      { id: 'e', received: -WEEK, status: 'done', done: -WEEK + 5, rootCauses: ['bug'] },
      // Another product: filtered out below.
      { id: 'f', status: 'done', done: 30, rootCauses: ['pricing'], product: 'Other' },
    ]);
    const causes = readRootCauses(
      db,
      {
        period: { from: hours(0), to: hours(2 * WEEK) },
        previousPeriod: { from: hours(-2 * WEEK), to: hours(0) },
        filters: { ...EMPTY_TEAM_FILTERS, product: ['Loopdesk Cloud'] },
        granularity: 'week',
      },
      hours(1000),
    );
    expect(causes.causes).toEqual([
      { tag: 'billing', count: 2, previousCount: 0, trend: [1, 1] },
      { tag: 'bug', count: 1, previousCount: 1, trend: [0, 1] },
    ]);
    expect([causes.closed, causes.withoutCause, causes.otherTags]).toEqual([3, 1, 0]);
  });
});
