// The KPIs of a period and of the period it is compared with, for the scope: the whole
// team and each assignee for a manager; an agent's own follow-ups for an agent.
import type { TeamReportRequest } from '../../../common/ipc/channels/team.js';
import { EMPTY_KPI_COUNTS, type KpiGroup, type TeamKpis } from '../../../common/team/kpis.js';
import type { Db } from '../db/sqlite.js';
import { readStaff } from '../queue/queue-context.js';
import { readPeriodKpis } from './read-kpis.js';
import { readTeamScope } from './team-scope.js';

export function readTeamKpis(db: Db, request: TeamReportRequest, now: number): TeamKpis {
  const scope = readTeamScope(db);
  const base = { scope, filters: request.filters, now };
  const current = readPeriodKpis(db, { ...base, period: request.period });
  const previous = readPeriodKpis(db, { ...base, period: request.previousPeriod });
  const names = new Map(readStaff(db).map((s) => [s.id, s.name]));
  const assignees = new Set([...current.byAssignee.keys(), ...previous.byAssignee.keys()]);
  const byAssignee: KpiGroup[] = [...assignees].map((assigneeId) => ({
    assigneeId,
    name: assigneeId === null ? null : (names.get(assigneeId) ?? null),
    current: current.byAssignee.get(assigneeId) ?? EMPTY_KPI_COUNTS,
    previous: previous.byAssignee.get(assigneeId) ?? EMPTY_KPI_COUNTS,
  }));
  return {
    scope,
    period: request.period,
    previousPeriod: request.previousPeriod,
    asOf: now,
    total: { current: current.total, previous: previous.total },
    byAssignee,
  };
}
