// Root causes (common/team/root-causes.ts): follow-ups marked done in the period (done_at
// is cleared on reopening, so only loops still closed count), read by done time through
// responses_team_done, each joined to its follow-up's root causes through
// followups_team_root_causes. Counted per tag and bucket in SQL.
import type { TeamReportRequest } from '../../../common/ipc/channels/team.js';
import { periodBuckets, type Granularity, type Period } from '../../../common/team/period.js';
import { MAX_ROOT_CAUSES, type RootCauseRow, type TeamRootCauses } from '../../../common/team/root-causes.js';
import type { Db } from '../db/sqlite.js';
import { readMe } from '../queue/queue-context.js';
import { queueStatement } from '../queue/queue-statements.js';
import { DRIVE_ALL, filterWhere } from '../queue/sql/filters.js';
import { teamQueueFilters } from '../../../common/team/filters.js';
import { bucketsCte } from './buckets-sql.js';
import { indexedBy } from './index-hint.js';

const indexedByCauses = (db: Db): string => indexedBy(db, 'followups_team_root_causes');

interface CauseRow {
  readonly tag: string;
  readonly i: number;
  readonly n: number;
}

interface ClosedRow {
  readonly closed: number;
  readonly with_cause: number;
}

function causesQuery(
  db: Db,
  buckets: readonly Period[],
  filter: { sql: string; params: readonly unknown[] },
): CauseRow[] {
  const cte = bucketsCte(buckets);
  const text =
    `${cte.sql} SELECT c.value AS tag, b.i AS i, count(*) AS n ` +
    // The filter names responses' columns unqualified: it is applied inside their own SELECT.
    `FROM buckets b JOIN (SELECT id, done_at FROM responses WHERE done_at IS NOT NULL AND (${filter.sql})) r ` +
    'ON r.done_at >= b.lo AND r.done_at < b.hi ' +
    `JOIN followups f ${indexedByCauses(db)} ON f.response_id = r.id AND f.root_causes <> '[]', ` +
    'json_each(f.root_causes) c ' +
    'GROUP BY c.value, b.i';
  return queueStatement(db, text).all(...cte.params, ...filter.params) as CauseRow[];
}

export function readRootCauses(
  db: Db,
  request: TeamReportRequest & { readonly granularity: Granularity },
  now: number,
): TeamRootCauses {
  const filter = filterWhere(teamQueueFilters(request.filters), { me: readMe(db), now, probe: DRIVE_ALL });
  const buckets = periodBuckets(request.period, request.granularity);
  const current = causesQuery(db, buckets, filter);
  const previous = causesQuery(db, [request.previousPeriod], filter);

  const byTag = new Map<string, RootCauseRow>();
  const row = (tag: string): RootCauseRow => {
    let entry = byTag.get(tag);
    if (entry === undefined) {
      entry = { tag, count: 0, previousCount: 0, trend: buckets.map(() => 0) };
      byTag.set(tag, entry);
    }
    return entry;
  };
  for (const { tag, i, n } of current) {
    const entry = row(tag);
    entry.trend[i] = (entry.trend[i] ?? 0) + n;
    byTag.set(tag, { ...entry, count: entry.count + n });
  }
  for (const { tag, n } of previous) {
    const entry = row(tag);
    byTag.set(tag, { ...entry, previousCount: entry.previousCount + n });
  }
  // Causes of this period first, by frequency; those only seen before follow, by how common they were.
  const causes = [...byTag.values()].sort(
    (a, b) => b.count - a.count || b.previousCount - a.previousCount || a.tag.localeCompare(b.tag),
  );

  // The causes' own index answers "has a cause" without reading follow-up rows.
  const closedText =
    'SELECT count(*) AS closed, count(f.response_id) AS with_cause FROM ' +
    `(SELECT id FROM responses WHERE done_at >= ? AND done_at < ? AND (${filter.sql})) r ` +
    `LEFT JOIN followups f ${indexedByCauses(db)} ON f.response_id = r.id AND f.root_causes <> '[]'`;
  const closed = queueStatement(db, closedText).get(
    request.period.from,
    request.period.to,
    ...filter.params,
  ) as ClosedRow;
  return {
    period: request.period,
    previousPeriod: request.previousPeriod,
    granularity: request.granularity,
    buckets,
    causes: causes.slice(0, MAX_ROOT_CAUSES),
    closed: closed.closed,
    withoutCause: closed.closed - closed.with_cause,
    otherTags: Math.max(0, causes.length - MAX_ROOT_CAUSES),
  };
}
