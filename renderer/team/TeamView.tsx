// The Team section: one screen that answers "who is behind, and are we closing the loop
// faster than last period?". KPIs of the period with their change, the backlog by assignee
// (every number opens the queue on its rows), score trends and root causes. All figures come
// from the core (team:* channels), which scopes them by role: a manager sees the whole team,
// an agent their own follow-ups.
import { useMemo, useState } from 'react';
import { Heading } from 'react-aria-components';
import { EMPTY_TEAM_FILTERS, teamQueueFilters, type TeamFilters } from '../../common/team/filters.js';
import { presetPeriods, PRESET_LABELS, type Granularity, type PeriodPreset } from '../../common/team/period.js';
import type { TrendBreakdown } from '../../common/team/trends.js';
import type { QueueFilters } from '../../common/queue/query.js';
import { TeamExportMenu } from '../export/TeamExportMenu.js';
import { useNavigation } from '../app/navigation.js';
import { BacklogTable } from './BacklogTable.js';
import { formatPeriod } from './format.js';
import { KpiCards } from './KpiCards.js';
import { RootCausesPanel } from './RootCausesPanel.js';
import { Segmented } from './Segmented.js';
import { PeriodPicker, TeamFilterMenus } from './TeamFilters.js';
import { TrendsPanel, type TrendView } from './TrendsPanel.js';
import { useReport } from './useReport.js';
import './team.css';

const SHOW_AS: readonly (readonly [TrendView, string])[] = [
  ['chart', 'Chart'],
  ['table', 'Table'],
];

/** Noon of the local day: periods depend on the day only, so figures stay put within one. */
function today(): number {
  const now = new Date();
  now.setHours(12, 0, 0, 0);
  return now.getTime();
}

function Panel({
  title,
  id,
  actions,
  children,
  busy,
  error,
}: {
  readonly title: string;
  readonly id: string;
  readonly actions?: React.ReactNode;
  readonly children: React.ReactNode;
  readonly busy?: boolean;
  readonly error?: string | null;
}) {
  return (
    <section className="card team-panel" aria-labelledby={id} aria-busy={busy === true}>
      <div className="panel-head">
        <Heading level={2} id={id}>
          {title}
        </Heading>
        <div className="panel-actions">{actions}</div>
      </div>
      {error != null && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {children}
    </section>
  );
}

export function TeamView({ active }: { readonly active: boolean }) {
  const navigation = useNavigation();
  const [preset, setPreset] = useState<PeriodPreset>('thisMonth');
  const [filters, setFilters] = useState<TeamFilters>(EMPTY_TEAM_FILTERS);
  const [granularity, setGranularity] = useState<Granularity>('week');
  const [breakdown, setBreakdown] = useState<TrendBreakdown>('none');
  const [trendView, setTrendView] = useState<TrendView>('chart');
  const [causeView, setCauseView] = useState<TrendView>('chart');
  // The Team panel mounts each time it is shown, so "this month" is resolved for that day.
  const [day] = useState(today);
  const periods = useMemo(() => presetPeriods(preset, day), [preset, day]);
  const report = { period: periods.current, previousPeriod: periods.previous, filters };

  const backlog = useReport('team:backlog', {}, active);
  const kpis = useReport('team:kpis', report, active);
  const trends = useReport('team:trends', { period: periods.current, granularity, breakdown, filters }, active);
  const causes = useReport('team:root-causes', { ...report, granularity }, active);

  const openQueue = (queueFilters: QueueFilters): void => {
    navigation.openQueue({ filters: queueFilters, sort: { column: 'due', direction: 'asc' } });
  };
  const scope = backlog.value?.scope ?? kpis.value?.scope ?? null;
  const who =
    scope === null
      ? ''
      : scope.sees === 'team'
        ? 'The whole team'
        : scope.sees === 'self'
          ? `Your follow-ups${scope.me?.name == null ? '' : ` (${scope.me.name})`}`
          : 'Sign-in pending: figures appear once sync knows who you are';

  return (
    <div className="team-view">
      <header className="team-header">
        <div>
          <h1>Team</h1>
          <p className="muted team-scope" aria-live="polite">
            {who}
          </p>
        </div>
        <div className="team-controls" role="group" aria-label="Period and filters">
          <PeriodPicker value={preset} onChange={setPreset} />
          <TeamFilterMenus filters={filters} onChange={setFilters} />
          <TeamExportMenu report={{ ...report, granularity }} />
        </div>
      </header>
      <p className="muted period-line">
        {PRESET_LABELS[preset]}: {formatPeriod(periods.current)}, compared with {formatPeriod(periods.previous)}.
      </p>

      <Panel title="Closed loop" id="team-kpis" busy={kpis.loading} error={kpis.error}>
        {kpis.value !== null && (
          <KpiCards
            kpis={kpis.value}
            onOpenCohort={() => {
              openQueue(teamQueueFilters(filters, { due: { from: periods.current.from, to: periods.current.to } }));
            }}
          />
        )}
      </Panel>

      <Panel title="Who is behind" id="team-backlog" busy={backlog.loading} error={backlog.error}>
        {backlog.value !== null && <BacklogTable backlog={backlog.value} kpis={kpis.value} onOpenQueue={openQueue} />}
      </Panel>

      <div className="team-columns">
        <Panel
          title="Score trends"
          id="team-trends"
          busy={trends.loading}
          error={trends.error}
          actions={
            <>
              <Segmented
                label="Breakdown"
                value={breakdown}
                options={[
                  ['none', 'All'],
                  ['product', 'By product'],
                  ['country', 'By country'],
                ]}
                onChange={setBreakdown}
              />
              <Segmented
                label="Interval"
                value={granularity}
                options={[
                  ['week', 'Weekly'],
                  ['month', 'Monthly'],
                ]}
                onChange={setGranularity}
              />
              <Segmented label="Show trends as" value={trendView} options={SHOW_AS} onChange={setTrendView} />
            </>
          }
        >
          {trends.value !== null && <TrendsPanel trends={trends.value} view={trendView} />}
        </Panel>

        <Panel
          title="Root causes"
          id="team-causes"
          busy={causes.loading}
          error={causes.error}
          actions={
            <Segmented label="Show root causes as" value={causeView} options={SHOW_AS} onChange={setCauseView} />
          }
        >
          {causes.value !== null && <RootCausesPanel causes={causes.value} view={causeView} />}
        </Panel>
      </div>
    </div>
  );
}
