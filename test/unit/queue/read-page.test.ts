import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  filtersWith,
  SORT_COLUMNS,
  type QueueQuery,
  type QueueSort,
} from '../../../common/queue/query.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import {
  countQueue,
  locateInQueue,
  readQueuePage,
  type QueueReadContext,
} from '../../../electron/core/queue/read-page.js';
import { openTestDatabase } from '../../unit/db/support/test-database.js';
import { ME, NOW, seedQueue, type ModelRow } from './support/queue-fixture.js';
import { referenceMatches, referenceOrder } from './support/reference-queue.js';

const STAFF_BY_NAME = ['st-c', 'st-b', 'st-a'];
const context = { me: ME, now: NOW };

let db: Db;
let model: ModelRow[];

beforeAll(() => {
  db = openTestDatabase().db;
  model = seedQueue(db, 11, 260);
});

afterAll(() => {
  db.close();
});

/** Walks the whole queue window by window, as the renderer scrolls. */
function walk(query: QueueQuery, limit: number, readContext: QueueReadContext = context): string[] {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = readQueuePage(db, { query, after, offset: 0, limit }, readContext);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.hasMore) return ids;
    expect(page.rows).toHaveLength(limit);
    after = page.rows.at(-1)!.cursor;
  }
}

const sorts: QueueSort[] = SORT_COLUMNS.flatMap((column) => [
  { column, direction: 'asc' as const },
  { column, direction: 'desc' as const },
]);

describe('queue windows', () => {
  it.each(sorts)('follow the promised order, window after window: $column $direction', (sort) => {
    const query = { filters: EMPTY_FILTERS, sort };
    const expected = referenceOrder(model, sort, STAFF_BY_NAME).map((r) => r.id);
    expect(walk(query, 17)).toEqual(expected);
  });

  it('descending is the exact reverse of ascending', () => {
    for (const column of SORT_COLUMNS) {
      const up = walk({ filters: EMPTY_FILTERS, sort: { column, direction: 'asc' } }, 100);
      const down = walk({ filters: EMPTY_FILTERS, sort: { column, direction: 'desc' } }, 100);
      expect(down).toEqual([...up].reverse());
    }
  });

  it('jumps by offset from a cursor or from the top, and locates a row by its cursor', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sorts),
        fc.nat({ max: 259 }),
        fc.nat({ max: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (sort, anchor, offset, limit) => {
          const query = { filters: EMPTY_FILTERS, sort };
          const expected = referenceOrder(model, sort, STAFF_BY_NAME).map((r) => r.id);
          const fromTop = readQueuePage(db, { query, after: null, offset, limit }, context);
          expect(fromTop.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit));
          expect(fromTop.hasMore).toBe(offset + limit < expected.length);

          const anchorRow = readQueuePage(db, { query, after: null, offset: anchor, limit: 1 }, context).rows[0]!;
          expect(locateInQueue(db, query, anchorRow.cursor, context)).toBe(anchor);
          const after = readQueuePage(db, { query, after: anchorRow.cursor, offset, limit }, context);
          expect(after.rows.map((r) => r.id)).toEqual(expected.slice(anchor + 1 + offset, anchor + 1 + offset + limit));
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('applies every filter as the reference does, with the count to match', () => {
    const filterSets = [
      filtersWith({ metric: ['nps', 'ces'] }),
      filtersWith({ band: ['negative'] }),
      filtersWith({ scoreMin: 2, scoreMax: 4 }),
      filtersWith({ product: ['B'] }),
      filtersWith({ company: [null, 'Acme'] }),
      filtersWith({ country: ['DE', 'US'] }),
      filtersWith({ channel: ['email'] }),
      filtersWith({ language: [null] }),
      filtersWith({ status: ['waiting', 'done'] }),
      filtersWith({ assignee: ['me'] }),
      filtersWith({ assignee: ['unassigned', 'st-gone'] }),
      filtersWith({ hasComment: true }),
      filtersWith({ hasComment: false }),
      filtersWith({ received: { from: NOW - 3_600_000, to: NOW + 3_600_000 } }),
      filtersWith({ overdue: true }),
      filtersWith({ tags: ['escalated'] }),
      filtersWith({ tags: ['vip', 'beta'] }),
      filtersWith({ search: 'slo exp' }),
      filtersWith({ search: 'EXPORT' }),
      filtersWith({ band: ['negative', 'neutral'], channel: ['web', 'email', 'link'], country: ['FR', null] }),
    ];
    for (const filters of filterSets) {
      for (const sort of [sorts[1]!, sorts[5]!, { column: 'assignee', direction: 'asc' } as const]) {
        const query = { filters, sort };
        const expected = referenceOrder(
          model.filter((row) => referenceMatches(row, filters, ME, NOW)),
          sort,
          STAFF_BY_NAME,
        ).map((r) => r.id);
        expect(walk(query, 23), JSON.stringify(filters)).toEqual(expected);
        // The same with searches and tags read as common ones: probing, and a first window
        // taken from a few search candidates (kept only when provably right).
        const common = { ...context, driveLimit: 0, searchCandidates: 12 };
        expect(walk(query, 7, common), JSON.stringify(filters)).toEqual(expected);
        expect(countQueue(db, query, context)).toBe(expected.length);
      }
    }
  });

  it('marks a row overdue only while its follow-up is open and past due', () => {
    const rows = walk({ filters: filtersWith({ overdue: true }), sort: { column: 'due', direction: 'asc' } }, 500);
    const page = readQueuePage(
      db,
      { query: { filters: EMPTY_FILTERS, sort: sorts[0]! }, after: null, offset: 0, limit: 500 },
      context,
    );
    expect(
      page.rows
        .filter((r) => r.overdue)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...rows].sort());
  });

  it('matches "me" to nobody until sync has said who that is', () => {
    const query = { filters: filtersWith({ assignee: ['me'] }), sort: sorts[0]! };
    expect(countQueue(db, query, { me: null, now: NOW })).toBe(0);
  });
});
