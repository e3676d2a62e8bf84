// The Team view's operations for the database worker's registry (db/worker/operations.ts).
// `now` comes from the caller, so "overdue", "today" and SLA misses are decided on one clock.
import type { TeamReportRequest } from '../../../common/ipc/channels/team.js';
import type { Granularity } from '../../../common/team/period.js';
import type { Db } from '../db/sqlite.js';
import { readBacklog } from './read-backlog.js';
import { ensureReportCache } from './report-cache.js';
import { readRootCauses } from './read-root-causes.js';
import { readTrends, type TrendRequest } from './read-trends.js';
import { readTeamKpis } from './team-kpis.js';

interface Clock {
  readonly now: number;
}

/** Runs a report with the page cache it needs (report-cache.ts). */
function report<T>(db: Db, read: () => T): T {
  ensureReportCache(db);
  return read();
}

export const TEAM_OPERATIONS = {
  teamBacklog: (db: Db, args: Clock) => report(db, () => readBacklog(db, args.now)),
  teamKpis: (db: Db, args: TeamReportRequest & Clock) => report(db, () => readTeamKpis(db, args, args.now)),
  teamTrends: (db: Db, args: TrendRequest & Clock) => report(db, () => readTrends(db, args, args.now)),
  teamRootCauses: (db: Db, args: TeamReportRequest & { readonly granularity: Granularity } & Clock) =>
    report(db, () => readRootCauses(db, args, args.now)),
} satisfies Readonly<Record<string, (db: Db, args: never) => unknown>>;
