// How the Team view writes its figures: percentages with one decimal, durations in the
// largest sensible units, changes with their sign and unit.
import { KPI_DEFINITIONS, type KpiChange, type KpiId } from '../../common/team/kpis.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${oneDecimal.format(value)} %`;
}

/** 45 min, 5 h 20 min, 2 d 4 h. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const abs = Math.abs(ms);
  if (abs < HOUR) return `${integer.format(Math.round(abs / MINUTE))} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.round((abs - h * HOUR) / MINUTE);
    return m === 0 || h >= 10 ? `${integer.format(Math.round(abs / HOUR))} h` : `${h} h ${m} min`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.round((abs - d * DAY) / HOUR);
  return h === 0 ? `${d} d` : h === 24 ? `${d + 1} d` : `${d} d ${h} h`;
}

export function formatKpi(id: KpiId, value: number | null): string {
  return KPI_DEFINITIONS[id].unit === 'percent' ? formatPercent(value) : formatDuration(value);
}

/** "+3.2 pts", "−5 h". */
export function formatChange(id: KpiId, change: KpiChange): string {
  if (change.verdict === 'same') return 'no change';
  const sign = change.delta > 0 ? '+' : '−';
  const size =
    KPI_DEFINITIONS[id].unit === 'percent'
      ? `${oneDecimal.format(Math.abs(change.delta))} pts`
      : formatDuration(Math.abs(change.delta));
  return `${sign}${size}`;
}

const dateOnly = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });

/** A half-open period as the days it covers: "1 Mar – 31 Mar 2026". */
export function formatPeriod(period: { readonly from: number; readonly to: number }): string {
  const lastDay = period.to - 1;
  if (dateOnly.format(period.from) === dateOnly.format(lastDay)) return dateOnly.format(period.from);
  const sameYear = new Date(period.from).getFullYear() === new Date(lastDay).getFullYear();
  return `${(sameYear ? shortDate : dateOnly).format(period.from)} – ${dateOnly.format(lastDay)}`;
}

/**
 * A bucket clipped by the period's start or end (common/team/period.ts periodBuckets) is not
 * a whole week or month: its label says so, so that its small count is not misread.
 */
function isPartial(bucket: { readonly from: number; readonly to: number }, granularity: 'week' | 'month'): boolean {
  const start = new Date(bucket.from);
  if (granularity === 'week') {
    const monday = start.getDay() === 1 && start.getHours() === 0;
    const days = Math.round((bucket.to - bucket.from) / 86_400_000);
    return !monday || days < 7;
  }
  const end = new Date(bucket.to);
  return start.getDate() !== 1 || start.getHours() !== 0 || end.getDate() !== 1 || end.getHours() !== 0;
}

export function formatBucket(
  bucket: { readonly from: number; readonly to: number },
  granularity: 'week' | 'month',
): string {
  const label = granularity === 'month' ? monthYear.format(bucket.from) : `Week of ${shortDate.format(bucket.from)}`;
  if (!isPartial(bucket, granularity)) return label;
  return `${formatPeriod(bucket)} (part of the ${granularity})`;
}

const monthOnly = new Intl.DateTimeFormat(undefined, { month: 'short' });

/** For chart axes: "2 Nov" for a week, "Nov" for a month (with the year in January). */
export function formatBucketShort(bucket: { readonly from: number }, granularity: 'week' | 'month'): string {
  if (granularity === 'week') return shortDate.format(bucket.from);
  return new Date(bucket.from).getMonth() === 0 ? monthYear.format(bucket.from) : monthOnly.format(bucket.from);
}

export function formatScore(value: number | null, metric: 'nps' | 'csat' | 'ces'): string {
  if (value === null) return '–';
  if (metric === 'csat') return formatPercent(value);
  if (metric === 'ces') return value.toFixed(2);
  return integer.format(value);
}
