// Closed-loop KPIs (DESIGN.md "Follow-up domain" → Closed-loop KPIs; issue "Closed-loop
// KPIs"). Every KPI is about one cohort: the follow-ups DUE in the period — their due time,
// the SLA's first-contact deadline, falls inside it — among responses matching the filters.
// One cohort for every figure means the figures of a row describe the same follow-ups, and
// a click opens exactly them in the queue (the queue's due filter).
//
// The core counts in SQL (electron/core/team/read-kpis.ts), which also gathers the
// durations the medians are picked from (order-statistics.ts); this module turns the counts
// into the rates people read, and holds the one-line definitions the tooltips show.
//
// Decisions, each tested with hand-computed fixtures:
// - Closed-loop rate = follow-ups done or informed ÷ follow-ups due. Closed without action
//   counts in the denominator only: the loop was not closed.
// - Time to first contact = first_contact_at − the response's created_at (a negative
//   difference, from clock skew, counts as 0). Follow-ups without a contact are left out of
//   the median and p90 (and counted, as "not contacted").
// - Median: the middle value, or the mean of the two middle values for an even count. p90:
//   the nearest rank, the smallest value that at least 90 % of the values do not exceed.
// - Time to done = done_at − created_at, over follow-ups currently done or informed
//   (reopening clears done_at).
// - SLA attainment = first contact by the due time ÷ follow-ups that can be judged: those
//   contacted, plus those still without contact once their due time has passed (a miss).
//   Not yet due and not contacted: still open to succeed, left out. Closed without action
//   and without contact (e.g. nobody may contact the respondent): nothing to attain, left out.
// - Informed rate = informed ÷ done or informed: how many closed loops were told back.
import { z } from 'zod';
import { Id } from '../api/primitives.js';
import { Period } from './period.js';
import { TeamScope } from './scope.js';

const Count = z.number().int().min(0);
const Duration = z.number().min(0).nullable();

/** What SQL counts for one group of the cohort. */
export const KpiCounts = z.strictObject({
  /** Follow-ups due in the period: the cohort. */
  due: Count,
  /** Of those, done or informed now. */
  closed: Count,
  /** Of those, informed. */
  informed: Count,
  /** Of those, with a first contact logged. */
  contacted: Count,
  /** First contact at or before the due time. */
  slaMet: Count,
  /** The SLA attainment's denominator (see the module comment). */
  slaJudged: Count,
  /** Milliseconds; null without any contacted follow-up. */
  firstContactMedianMs: Duration,
  firstContactP90Ms: Duration,
  doneMedianMs: Duration,
});
export type KpiCounts = z.infer<typeof KpiCounts>;

export const EMPTY_KPI_COUNTS: KpiCounts = {
  due: 0,
  closed: 0,
  informed: 0,
  contacted: 0,
  slaMet: 0,
  slaJudged: 0,
  firstContactMedianMs: null,
  firstContactP90Ms: null,
  doneMedianMs: null,
};

export const KPI_IDS = [
  'closedLoopRate',
  'firstContactMedian',
  'firstContactP90',
  'doneMedian',
  'slaAttainment',
  'informedRate',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export interface KpiDefinition {
  readonly label: string;
  readonly unit: 'percent' | 'duration';
  /** Which way is an improvement, for the colour and wording of the change. */
  readonly better: 'higher' | 'lower';
  /** One line, for the tooltip; the words of DESIGN.md where it has them. */
  readonly definition: string;
}

export const KPI_DEFINITIONS: Readonly<Record<KpiId, KpiDefinition>> = {
  closedLoopRate: {
    label: 'Closed-loop rate',
    unit: 'percent',
    better: 'higher',
    definition:
      'Follow-ups done or informed ÷ follow-ups due in the period. A recent period reads lower: its loops have had less time to close.',
  },
  firstContactMedian: {
    label: 'Time to first contact (median)',
    unit: 'duration',
    better: 'lower',
    definition: 'Median of first contact − response received, over follow-ups due in the period that were contacted.',
  },
  firstContactP90: {
    label: 'Time to first contact (p90)',
    unit: 'duration',
    better: 'lower',
    definition: '90 % of contacted follow-ups due in the period had their first contact within this time.',
  },
  doneMedian: {
    label: 'Time to done (median)',
    unit: 'duration',
    better: 'lower',
    definition: 'Median of marked done − response received, over follow-ups due in the period now done or informed.',
  },
  slaAttainment: {
    label: 'SLA attainment',
    unit: 'percent',
    better: 'higher',
    definition:
      'Share of follow-ups due in the period with first contact by their due time; not contacted counts as missed once overdue.',
  },
  informedRate: {
    label: 'Informed rate',
    unit: 'percent',
    better: 'higher',
    definition: 'Follow-ups where the respondent was informed ÷ follow-ups done or informed.',
  },
};

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/** A KPI's value: percent 0–100 or milliseconds; null when its population is empty. */
export function kpiValue(id: KpiId, c: KpiCounts): number | null {
  switch (id) {
    case 'closedLoopRate':
      return ratio(c.closed, c.due);
    case 'firstContactMedian':
      return c.firstContactMedianMs;
    case 'firstContactP90':
      return c.firstContactP90Ms;
    case 'doneMedian':
      return c.doneMedianMs;
    case 'slaAttainment':
      return ratio(c.slaMet, c.slaJudged);
    case 'informedRate':
      return ratio(c.informed, c.closed);
  }
}

export type ChangeVerdict = 'better' | 'worse' | 'same';

export interface KpiChange {
  /** Current − previous: percentage points, or milliseconds. */
  readonly delta: number;
  readonly verdict: ChangeVerdict;
}

/** The change from the previous period; null when either value is missing. */
export function kpiChange(id: KpiId, current: KpiCounts, previous: KpiCounts): KpiChange | null {
  const now = kpiValue(id, current);
  const before = kpiValue(id, previous);
  if (now === null || before === null) return null;
  const delta = now - before;
  // Changes below what the display can show (0.05 points, half a minute) are "no change".
  const negligible = KPI_DEFINITIONS[id].unit === 'percent' ? 0.05 : 30_000;
  if (Math.abs(delta) < negligible) return { delta, verdict: 'same' };
  const up = delta > 0;
  return { delta, verdict: up === (KPI_DEFINITIONS[id].better === 'higher') ? 'better' : 'worse' };
}

export const KpiGroup = z.strictObject({
  /** null: follow-ups nobody is assigned to. */
  assigneeId: Id.nullable(),
  name: z.string().nullable(),
  current: KpiCounts,
  previous: KpiCounts,
});
export type KpiGroup = z.infer<typeof KpiGroup>;

export const TeamKpis = z.strictObject({
  scope: TeamScope,
  period: Period,
  previousPeriod: Period,
  /** Epoch ms the figures were computed at ("overdue" in SLA attainment is measured against it). */
  asOf: z.number().int(),
  /** The whole scope: the team for a manager, the agent's own follow-ups for an agent. */
  total: z.strictObject({ current: KpiCounts, previous: KpiCounts }),
  /** By assignee (managers only; an agent's list holds just their own group). */
  byAssignee: z.array(KpiGroup),
});
export type TeamKpis = z.infer<typeof TeamKpis>;
