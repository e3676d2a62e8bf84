import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BANDS, bandOf } from '../../../common/domain/metrics.js';
import { FACETS, FACET_FILTER_FIELDS, type Facet, type FacetValue } from '../../../common/queue/facets.js';
import { DEFAULT_SORT, filtersWith, type QueueFilters } from '../../../common/queue/query.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { readFacet, toFacetCounts } from '../../../electron/core/queue/read-facet.js';
import { applyChanges } from '../../../electron/core/db/writers/apply-changes.js';
import { response } from '../db/support/records.js';
import { openTestDatabase } from '../db/support/test-database.js';
import { commentKey, ME, NOW, seedQueue, isOpen, type ModelRow } from './support/queue-fixture.js';
import { referenceMatches } from './support/reference-queue.js';

let db: Db;
let model: ModelRow[];

beforeAll(() => {
  db = openTestDatabase().db;
  model = seedQueue(db, 5, 220);
});

afterAll(() => {
  db.close();
});

function valuesOf(facet: Facet, row: ModelRow): FacetValue[] {
  switch (facet) {
    case 'metric':
      return [row.metric];
    case 'band':
      return [BANDS[BANDS.indexOf(bandOf(row.metric, row.score))]!];
    case 'score':
      return [row.score];
    case 'product':
      return [row.product];
    case 'company':
      return [row.company];
    case 'country':
      return [row.country];
    case 'channel':
      return [row.channel];
    case 'language':
      return [row.language];
    case 'status':
      return [row.status];
    case 'assignee':
      return [row.assignee];
    case 'hasComment':
      return [commentKey(row) !== null];
    case 'overdue':
      return row.dueAt !== null && row.dueAt < NOW && isOpen(row.status) ? [true] : [];
    case 'tags':
      return [...row.tags];
  }
}

function referenceFacet(facet: Facet, filters: QueueFilters): Map<FacetValue, number> {
  const cleared = { ...filters };
  for (const field of FACET_FILTER_FIELDS[facet]) {
    (cleared as Record<string, unknown>)[field] = filtersWith({})[field];
  }
  const counts = new Map<FacetValue, number>();
  for (const row of model.filter((r) => referenceMatches(r, cleared, ME, NOW))) {
    for (const value of valuesOf(facet, row)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

describe('facet counts', () => {
  const filterSets = [
    filtersWith({}),
    filtersWith({ country: ['DE'], band: ['negative', 'positive'] }),
    filtersWith({ assignee: ['me', 'unassigned'], hasComment: true, tags: ['vip'] }),
    filtersWith({ search: 'slow', overdue: true, status: ['new', 'assigned'] }),
  ];

  it.each(FACETS)('%s counts every other filter but its own', (facet) => {
    for (const filters of filterSets) {
      const counts = readFacet(db, { filters, sort: DEFAULT_SORT }, facet, { me: ME, now: NOW });
      const expected = referenceFacet(facet, filters);
      if (facet === 'overdue') expected.set(true, expected.get(true) ?? 0);
      expect(new Map(counts.values.map((v) => [v.value, v.count])), `${facet} ${JSON.stringify(filters)}`).toEqual(
        expected,
      );
      expect(counts.otherCount).toBe(0);
    }
  });

  it('lists the most frequent values and sums the rest', () => {
    const groups = Array.from({ length: 130 }, (_, i) => ({ value: `c${i}`, n: i + 1 }));
    const counts = toFacetCounts('company', groups);
    expect(counts.values).toHaveLength(100);
    expect(counts.values[0]).toEqual({ value: 'c129', count: 130 });
    expect(counts.otherCount).toBe(((1 + 30) * 30) / 2);
  });

  it('answers a repeated facet from its cache until the cache is written to', () => {
    const query = { filters: filtersWith({}), sort: DEFAULT_SORT };
    const before = readFacet(db, query, 'product', { me: ME, now: NOW });
    expect(readFacet(db, query, 'product', { me: ME, now: NOW })).toBe(before);
    applyChanges(db, [{ kind: 'response', data: response('extra', 'u1', { product: 'Brand new' }) }]);
    const after = readFacet(db, query, 'product', { me: ME, now: NOW });
    expect(after.values).toContainEqual({ value: 'Brand new', count: 1 });
    db.prepare("DELETE FROM responses WHERE id = 'extra'").run();
  });
});
