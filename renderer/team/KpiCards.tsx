// The closed-loop KPIs of the period, each with its change from the previous period and its
// definition (common/team/kpis.ts) one tap away. Follow-ups due — the cohort every KPI is
// about — opens in the queue.
import { Button } from 'react-aria-components';
import { KPI_DEFINITIONS, KPI_IDS, kpiChange, kpiValue, type KpiId, type TeamKpis } from '../../common/team/kpis.js';
import { formatChange, formatCount, formatKpi, formatPeriod } from './format.js';
import { InfoTip } from './InfoTip.js';

const COHORT_DEFINITION =
  'Follow-ups whose due time (the SLA’s first-contact deadline) falls in the period: every KPI here is about them.';

function Change({ id, kpis }: { readonly id: KpiId; readonly kpis: TeamKpis }) {
  const change = kpiChange(id, kpis.total.current, kpis.total.previous);
  if (change === null) return <span className="kpi-change">no comparison</span>;
  const arrow = change.verdict === 'same' ? '' : change.delta > 0 ? '▲ ' : '▼ ';
  return (
    <span className={`kpi-change is-${change.verdict}`}>
      <span aria-hidden="true">{arrow}</span>
      {formatChange(id, change)}
      <span className="visually-hidden">
        {change.verdict === 'same' ? '' : change.verdict === 'better' ? ', better' : ', worse'} than{' '}
        {formatPeriod(kpis.previousPeriod)}
      </span>
    </span>
  );
}

export function KpiCards({
  kpis,
  onOpenCohort,
}: {
  readonly kpis: TeamKpis;
  /** Opens the follow-ups due in the period in the queue. */
  readonly onOpenCohort: () => void;
}) {
  const { current, previous } = kpis.total;
  return (
    <ul className="kpi-cards" aria-label="Closed-loop KPIs">
      <li className="kpi-card">
        <span className="kpi-label">
          Follow-ups due
          <InfoTip label="Follow-ups due" definition={COHORT_DEFINITION} />
        </span>
        <Button
          className="kpi-value link-number"
          onPress={onOpenCohort}
          aria-label={`${formatCount(current.due)} follow-ups due: open them in the queue`}
        >
          {formatCount(current.due)}
        </Button>
        <span className="kpi-change">{formatCount(previous.due)} in the previous period</span>
      </li>
      {KPI_IDS.map((id) => (
        <li key={id} className="kpi-card" data-kpi={id}>
          <span className="kpi-label">
            {KPI_DEFINITIONS[id].label}
            <InfoTip label={KPI_DEFINITIONS[id].label} definition={KPI_DEFINITIONS[id].definition} />
          </span>
          <span className="kpi-value">{formatKpi(id, kpiValue(id, current))}</span>
          <Change id={id} kpis={kpis} />
        </li>
      ))}
    </ul>
  );
}
