// The closed-loop KPIs (common/team/kpis.ts has the definitions and the decisions) of one
// period, in SQL over the follow-ups due in it. The cohort is the queue's filter SQL for the
// team filters plus the due range (the rows a click on a figure opens), within the scope.
// Counts: by assignee and status (followup-counts.ts). Quantiles: LIMIT/OFFSET reads of
// the duration indexes (quantiles.ts). No query sorts.
import { FOLLOWUP_STATUSES } from '../../../common/domain/followup-status.js';
import { EMPTY_KPI_COUNTS, type KpiCounts } from '../../../common/team/kpis.js';
import { teamQueueFilters, type TeamFilters } from '../../../common/team/filters.js';
import type { Period } from '../../../common/team/period.js';
import type { TeamScope } from '../../../common/team/scope.js';
import type { Db } from '../db/sqlite.js';
import { DRIVE_ALL, filterWhere } from '../queue/sql/filters.js';
import { allOf, sql, type SqlFragment } from '../queue/sql/sql-fragment.js';
import { assigneesInData, countPairs, type PairCount } from './followup-counts.js';
import { indexedBy } from './index-hint.js';
import { medianOf, p90Of } from './quantiles.js';
import { scopeCondition } from './team-scope.js';

/** The cohort of a period: follow-ups due in it, among responses matching the filters, in scope. */
export function kpiCohort(scope: TeamScope, filters: TeamFilters, period: Period, now: number): SqlFragment {
  const queueFilters = teamQueueFilters(filters, { due: { from: period.from, to: period.to } });
  return allOf([filterWhere(queueFilters, { me: scope.me?.id ?? null, now, probe: DRIVE_ALL }), scopeCondition(scope)]);
}

/** The KPI counts of a group, with the number of closed loops that have a done time. */
interface GroupCounts {
  readonly counts: KpiCounts;
  readonly withDoneTime: number;
}

const NO_COUNTS: GroupCounts = { counts: EMPTY_KPI_COUNTS, withDoneTime: 0 };

function addCounts(a: GroupCounts, b: GroupCounts): GroupCounts {
  const c = a.counts;
  const d = b.counts;
  return {
    counts: {
      ...c,
      due: c.due + d.due,
      closed: c.closed + d.closed,
      informed: c.informed + d.informed,
      contacted: c.contacted + d.contacted,
      slaMet: c.slaMet + d.slaMet,
      slaJudged: c.slaJudged + d.slaJudged,
    },
    withDoneTime: a.withDoneTime + b.withDoneTime,
  };
}

/** A pair's status is fixed, so what depends on the status alone is decided here, not per row. */
function fromPair(pair: PairCount): GroupCounts {
  const [due = 0, contacted = 0, done = 0, slaMet = 0, overdueUncontacted = 0] = pair.values;
  const closed = pair.status === 'done' || pair.status === 'informed' ? due : 0;
  const informed = pair.status === 'informed' ? due : 0;
  // Judged: contacted, or past due without contact — unless closed without action.
  const slaJudged = contacted + (pair.status === 'closed_no_action' ? 0 : overdueUncontacted);
  return { counts: { ...EMPTY_KPI_COUNTS, due, closed, informed, contacted, slaMet, slaJudged }, withDoneTime: done };
}

function countByAssignee(
  db: Db,
  assignees: readonly (string | null)[],
  cohort: SqlFragment,
  now: number,
): Map<string | null, GroupCounts> {
  const measures = [
    sql('count(first_contact_at)'),
    sql('count(done_at)'),
    sql('sum(first_contact_at <= due_at)'),
    sql('sum(first_contact_at IS NULL AND due_at < ?)', now),
  ];
  const byAssignee = new Map<string | null, GroupCounts>();
  for (const pair of countPairs(db, assignees, FOLLOWUP_STATUSES, cohort, measures)) {
    byAssignee.set(pair.assignee, addCounts(byAssignee.get(pair.assignee) ?? NO_COUNTS, fromPair(pair)));
  }
  return byAssignee;
}

export interface PeriodKpis {
  readonly total: KpiCounts;
  /** By assignee (null: unassigned). With `quantilesByAssignee`, each has its median time to first contact. */
  readonly byAssignee: ReadonlyMap<string | null, KpiCounts>;
}

export interface KpiReadOptions {
  readonly scope: TeamScope;
  readonly filters: TeamFilters;
  readonly period: Period;
  readonly now: number;
  /** The per-assignee median time to first contact (one more index read per assignee). */
  readonly quantilesByAssignee: boolean;
}

export function readPeriodKpis(db: Db, options: KpiReadOptions): PeriodKpis {
  const { scope, now } = options;
  const cohort = kpiCohort(scope, options.filters, options.period, now);
  const assignees = scope.sees === 'team' ? assigneesInData(db) : scope.sees === 'self' ? [scope.me?.id ?? null] : [];
  const groups = countByAssignee(db, assignees, cohort, now);
  const total = [...groups.values()].reduce(addCounts, NO_COUNTS);
  // An agent's cohort is one assignee's: their own index range is the short read.
  const firstContactIndex =
    scope.sees === 'self' ? 'responses_team_first_contact_by_assignee' : 'responses_team_first_contact';
  const firstContact = {
    column: 'first_contact_ms',
    hint: indexedBy(db, firstContactIndex),
    where: allOf([sql('first_contact_ms IS NOT NULL'), cohort]),
  };
  const doneTime = {
    column: 'done_ms',
    hint: indexedBy(db, 'responses_team_done_time'),
    where: allOf([sql('done_ms IS NOT NULL'), cohort]),
  };
  const byAssignee = new Map<string | null, KpiCounts>();
  const byAssigneeHint = indexedBy(db, 'responses_team_first_contact_by_assignee');
  for (const [assignee, group] of groups) {
    const median = options.quantilesByAssignee
      ? medianOf(
          db,
          {
            column: 'first_contact_ms',
            hint: byAssigneeHint,
            where: allOf([sql('assignee_id IS ?', assignee), firstContact.where]),
          },
          group.counts.contacted,
        )
      : null;
    byAssignee.set(assignee, { ...group.counts, firstContactMedianMs: median });
  }
  return {
    total: {
      ...total.counts,
      firstContactMedianMs: medianOf(db, firstContact, total.counts.contacted),
      firstContactP90Ms: p90Of(db, firstContact, total.counts.contacted),
      doneMedianMs: medianOf(db, doneTime, total.withDoneTime),
    },
    byAssignee,
  };
}
