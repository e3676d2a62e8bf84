// The counts of one facet under the query's other filters. One facet per call, so that the
// worker answers a page request between two facets instead of after all of them.
import { BANDS } from '../../../common/domain/metrics.js';
import { FACET_VALUE_LIMIT, type Facet, type FacetCounts, type FacetValue } from '../../../common/queue/facets.js';
import type { QueueQuery } from '../../../common/queue/query.js';
import type { Db } from '../db/sqlite.js';
import { countingSql } from './counting-plan.js';
import { queueStatement } from './queue-statements.js';
import type { QueueReadContext } from './read-page.js';
import { DRIVE_ALL, facetExclusions, filterConditions, filterWhere, overdueSql } from './sql/filters.js';

type GroupedFacet = Exclude<Facet, 'overdue' | 'tags'>;

const FACET_COLUMNS: Readonly<Record<GroupedFacet, string>> = {
  metric: 'survey_type',
  band: 'band',
  score: 'score',
  product: 'product',
  company: 'company',
  country: 'country',
  channel: 'channel',
  language: 'language',
  status: 'status',
  assignee: 'assignee_id',
  hasComment: 'has_comment',
};

interface Group {
  readonly value: string | number | null;
  readonly n: number;
}

function presentValue(facet: Facet, value: string | number | null): FacetValue {
  if (facet === 'band') return typeof value === 'number' ? (BANDS[value] ?? null) : null;
  if (facet === 'hasComment') return value === 1;
  return value;
}

/** Most frequent first; values beyond FACET_VALUE_LIMIT are summed into otherCount. */
export function toFacetCounts(facet: Facet, groups: readonly Group[]): FacetCounts {
  const sorted = [...groups].sort((a, b) => b.n - a.n || String(a.value).localeCompare(String(b.value)));
  const listed = sorted.slice(0, FACET_VALUE_LIMIT);
  return {
    facet,
    values: listed.map((g) => ({ value: presentValue(facet, g.value), count: g.n })),
    otherCount: sorted.slice(FACET_VALUE_LIMIT).reduce((sum, g) => sum + g.n, 0),
  };
}

function countFacet(db: Db, query: QueueQuery, facet: Facet, context: QueueReadContext): FacetCounts {
  const filterContext = { ...context, probe: DRIVE_ALL };
  const exclude = facetExclusions(facet);
  const where = filterWhere(query.filters, filterContext, exclude);
  if (facet === 'overdue') {
    const overdue = overdueSql(context.now);
    const params = [...where.params, ...overdue.params];
    const text = countingSql(
      db,
      (hint) => `SELECT count(*) FROM responses ${hint} WHERE (${where.sql}) AND (${overdue.sql})`,
      params,
      query.filters,
      exclude,
    );
    const n = queueStatement(db, text)
      .pluck()
      .get(...params) as number;
    return { facet, values: [{ value: true, count: n }], otherCount: 0 };
  }
  if (facet === 'tags') {
    // Without other filters the tag index alone has the answer.
    const unfiltered = filterConditions(query.filters, filterContext, exclude).length === 0;
    const groups = unfiltered
      ? queueStatement(db, 'SELECT tag AS value, count(*) AS n FROM queue_tags GROUP BY tag').all()
      : queueStatement(
          db,
          `SELECT tag AS value, count(*) AS n FROM queue_tags WHERE rid IN (SELECT rid FROM responses WHERE ${where.sql}) GROUP BY tag`,
        ).all(...where.params);
    return toFacetCounts(facet, groups as Group[]);
  }
  const column = FACET_COLUMNS[facet];
  const text = countingSql(
    db,
    (hint) => `SELECT ${column} AS value, count(*) AS n FROM responses ${hint} WHERE ${where.sql} GROUP BY ${column}`,
    where.params,
    query.filters,
    exclude,
  );
  const groups = queueStatement(db, text).all(...where.params) as Group[];
  return toFacetCounts(facet, groups);
}

/**
 * Counted facets, kept until the cache changes. A facet over a million rows takes a tenth of
 * a second or more, and the same ones are asked again and again: on switching back to a
 * view, on each menu, after clearing a filter. total_changes() moves with every write on
 * this connection, which is where sync writes, so a stale count is never served.
 */
const CACHE_SIZE = 200;
const cached = new WeakMap<Db, Map<string, FacetCounts>>();

export function readFacet(db: Db, query: QueueQuery, facet: Facet, context: QueueReadContext): FacetCounts {
  const version = queueStatement(db, 'SELECT total_changes()').pluck().get() as number;
  // "Me" and the clock decide "assignee: me", overdue and "today": part of the key.
  const key = JSON.stringify([version, facet, query.filters, context.me, Math.floor(context.now / 60_000)]);
  let cache = cached.get(db);
  if (cache === undefined) {
    cache = new Map();
    cached.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const counts = countFacet(db, query, facet, context);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, counts);
  return counts;
}
