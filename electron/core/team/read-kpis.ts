// The closed-loop KPIs (common/team/kpis.ts has the definitions and the decisions) of one
// period, over the follow-ups due in it. The cohort is the queue's filter SQL for the team
// filters plus the due range (the rows a click on a figure opens), within the scope.
// One sort-free pass (followup-counts.ts): for each assignee and status, SQL counts the
// cohort and gathers its durations — first contact and done, each already
// max(0, … − received) in a generated column; the order statistics are then picked from
// those values (common/team/order-statistics.ts), for each assignee and for the scope.
import { FOLLOWUP_STATUSES } from '../../../common/domain/followup-status.js';
import { EMPTY_KPI_COUNTS, type KpiCounts } from '../../../common/team/kpis.js';
import { orderStatistics } from '../../../common/team/order-statistics.js';
import { teamQueueFilters, type TeamFilters } from '../../../common/team/filters.js';
import type { Period } from '../../../common/team/period.js';
import type { TeamScope } from '../../../common/team/scope.js';
import type { Db } from '../db/sqlite.js';
import { DRIVE_ALL, filterWhere } from '../queue/sql/filters.js';
import { allOf, sql, type SqlFragment } from '../queue/sql/sql-fragment.js';
import { assigneesInData, countPairs, type PairCount } from './followup-counts.js';
import { scopeCondition } from './team-scope.js';

/** The cohort of a period: follow-ups due in it, among responses matching the filters, in scope. */
export function kpiCohort(scope: TeamScope, filters: TeamFilters, period: Period, now: number): SqlFragment {
  const queueFilters = teamQueueFilters(filters, { due: { from: period.from, to: period.to } });
  return allOf([filterWhere(queueFilters, { me: scope.me?.id ?? null, now, probe: DRIVE_ALL }), scopeCondition(scope)]);
}

/** One group's counts and its durations (ms) in parts (one per pair), before the order statistics. */
interface Group {
  counts: KpiCounts;
  readonly firstContact: number[][];
  readonly done: number[][];
}

const numbers = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);

function addCounts(c: KpiCounts, d: KpiCounts): KpiCounts {
  return {
    ...c,
    due: c.due + d.due,
    closed: c.closed + d.closed,
    informed: c.informed + d.informed,
    contacted: c.contacted + d.contacted,
    slaMet: c.slaMet + d.slaMet,
    slaJudged: c.slaJudged + d.slaJudged,
  };
}

/** Adds a pair to its group. Its status is fixed, so what depends on the status alone is decided here, not per row. */
function addPair(group: Group, pair: PairCount): void {
  const [due = 0, slaMet = 0, overdueUncontacted = 0] = pair.values.slice(0, 3) as number[];
  const firstContact = numbers(pair.values[3]);
  const contacted = firstContact.length;
  const closed = pair.status === 'done' || pair.status === 'informed' ? due : 0;
  const informed = pair.status === 'informed' ? due : 0;
  // Judged: contacted, or past due without contact — unless closed without action.
  const slaJudged = contacted + (pair.status === 'closed_no_action' ? 0 : overdueUncontacted);
  group.counts = addCounts(group.counts, { ...EMPTY_KPI_COUNTS, due, closed, informed, contacted, slaMet, slaJudged });
  group.firstContact.push(firstContact);
  group.done.push(numbers(pair.values[4]));
}

const flat = (parts: readonly number[][]): number[] => ([] as number[]).concat(...parts);

function withStatistics(
  counts: KpiCounts,
  firstContactParts: readonly number[][],
  doneParts: readonly number[][],
): KpiCounts {
  const firstContact = orderStatistics(flat(firstContactParts));
  return {
    ...counts,
    firstContactMedianMs: firstContact.median,
    firstContactP90Ms: firstContact.p90,
    doneMedianMs: orderStatistics(flat(doneParts)).median,
  };
}

export interface PeriodKpis {
  readonly total: KpiCounts;
  /** By assignee (null: unassigned). */
  readonly byAssignee: ReadonlyMap<string | null, KpiCounts>;
}

export interface KpiReadOptions {
  readonly scope: TeamScope;
  readonly filters: TeamFilters;
  readonly period: Period;
  readonly now: number;
}

export function readPeriodKpis(db: Db, options: KpiReadOptions): PeriodKpis {
  const { scope, now } = options;
  const cohort = kpiCohort(scope, options.filters, options.period, now);
  const assignees = scope.sees === 'team' ? assigneesInData(db) : scope.sees === 'self' ? [scope.me?.id ?? null] : [];
  const measures = [
    sql('coalesce(sum(first_contact_at <= due_at), 0)'),
    sql('coalesce(sum(first_contact_at IS NULL AND due_at < ?), 0)', now),
    sql('json_group_array(first_contact_ms) FILTER (WHERE first_contact_ms IS NOT NULL)'),
    sql('json_group_array(done_ms) FILTER (WHERE done_ms IS NOT NULL)'),
  ];
  const groups = new Map<string | null, Group>();
  for (const pair of countPairs(db, assignees, FOLLOWUP_STATUSES, cohort, measures)) {
    let group = groups.get(pair.assignee);
    if (group === undefined) {
      group = { counts: EMPTY_KPI_COUNTS, firstContact: [], done: [] };
      groups.set(pair.assignee, group);
    }
    addPair(group, pair);
  }
  const byAssignee = new Map<string | null, KpiCounts>();
  // Per assignee only the median time to first contact is shown: the other statistics are the scope's.
  for (const [assignee, group] of groups) {
    const firstContact = orderStatistics(flat(group.firstContact));
    byAssignee.set(assignee, {
      ...group.counts,
      firstContactMedianMs: firstContact.median,
      firstContactP90Ms: firstContact.p90,
    });
  }
  const all = [...groups.values()];
  const total = withStatistics(
    all.map((g) => g.counts).reduce(addCounts, EMPTY_KPI_COUNTS),
    all.flatMap((g) => g.firstContact),
    all.flatMap((g) => g.done),
  );
  return { total, byAssignee };
}
