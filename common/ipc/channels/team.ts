// The Team view's channels: the backlog by assignee, the closed-loop KPIs, score trends and
// root causes. Every figure is computed in SQL by the core and scoped by the signed-in staff
// member's role there (common/team/scope.ts).
import { z } from 'zod';
import { TeamBacklog } from '../../team/backlog.js';
import { TeamFilters } from '../../team/filters.js';
import { TeamKpis } from '../../team/kpis.js';
import { Granularity, Period } from '../../team/period.js';
import { TeamRootCauses } from '../../team/root-causes.js';
import { TeamTrends, TrendBreakdown } from '../../team/trends.js';
import { channel } from '../define.js';

export const TeamReportRequest = z.strictObject({
  period: Period,
  /** What changes are measured against (common/team/period.ts presetPeriods). */
  previousPeriod: Period,
  filters: TeamFilters,
});
export type TeamReportRequest = z.infer<typeof TeamReportRequest>;

export const TEAM_CHANNELS = {
  'team:backlog': channel(z.strictObject({}), TeamBacklog),
  'team:kpis': channel(TeamReportRequest, TeamKpis),
  'team:trends': channel(
    z.strictObject({ period: Period, granularity: Granularity, breakdown: TrendBreakdown, filters: TeamFilters }),
    TeamTrends,
  ),
  'team:root-causes': channel(TeamReportRequest.extend({ granularity: Granularity }), TeamRootCauses),
} as const;
