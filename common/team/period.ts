// Reporting periods of the Team view: a half-open range of epoch milliseconds, its
// comparison period, and the calendar buckets (weeks from Monday, or months) that trends
// are drawn in. Calendar arithmetic is in the local time zone of the machine, which runs the
// renderer and the core alike; SQLite then only compares integers.
import { z } from 'zod';

const DAY_MS = 86_400_000;
/** Long enough for three years of history, short enough that a typo cannot ask for a century. */
export const MAX_PERIOD_MS = 3 * 366 * DAY_MS;
/** Trend charts stay readable (and their queries small) below this many buckets. */
export const MAX_BUCKETS = 160;

export const Period = z
  .strictObject({
    /** Epoch milliseconds, inclusive. */
    from: z.number().int(),
    /** Epoch milliseconds, exclusive. */
    to: z.number().int(),
  })
  .refine((p) => p.from < p.to, 'from must be before to')
  .refine((p) => p.to - p.from <= MAX_PERIOD_MS, 'a period is at most three years long');
export type Period = z.infer<typeof Period>;

export const GRANULARITIES = ['week', 'month'] as const;
export const Granularity = z.enum(GRANULARITIES);
export type Granularity = z.infer<typeof Granularity>;

export const PERIOD_PRESETS = [
  'thisMonth',
  'lastMonth',
  'last7days',
  'last30days',
  'last90days',
  'thisQuarter',
  'last12months',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_LABELS: Readonly<Record<PeriodPreset, string>> = {
  thisMonth: 'This month',
  lastMonth: 'Last month',
  last7days: 'Last 7 days',
  last30days: 'Last 30 days',
  last90days: 'Last 90 days',
  thisQuarter: 'This quarter',
  last12months: 'Last 12 months',
};

export interface PeriodPair {
  readonly current: Period;
  /** What the change is measured against: the calendar period before, or the same length before. */
  readonly previous: Period;
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** Local midnight `days` calendar days after the day of `ms` (DST-safe: never adds 24 h). */
function addDays(ms: number, days: number): number {
  const d = new Date(startOfDay(ms));
  d.setDate(d.getDate() + days);
  return d.getTime();
}

/** Local midnight of the first day of the month `months` after the month of `ms`. */
function monthStart(ms: number, months = 0): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth() + months, 1).getTime();
}

function sameLengthBefore(period: Period): Period {
  return { from: period.from - (period.to - period.from), to: period.from };
}

/**
 * The period a preset names at `now`. "This month" runs to the end of today and is compared
 * with the same days of last month, so that a half-finished month is not set against a full
 * one; rolling windows ("last 30 days") end at the end of today and are compared with the
 * same number of days before.
 */
export function presetPeriods(preset: PeriodPreset, now: number): PeriodPair {
  const tomorrow = addDays(now, 1);
  switch (preset) {
    case 'thisMonth': {
      const from = monthStart(now);
      const previousFrom = monthStart(now, -1);
      const elapsedDays = Math.round((tomorrow - from) / DAY_MS);
      const previousTo = Math.min(from, addDays(previousFrom, elapsedDays));
      return { current: { from, to: tomorrow }, previous: { from: previousFrom, to: previousTo } };
    }
    case 'lastMonth':
      return {
        current: { from: monthStart(now, -1), to: monthStart(now) },
        previous: { from: monthStart(now, -2), to: monthStart(now, -1) },
      };
    case 'thisQuarter': {
      const month = new Date(now).getMonth();
      const from = monthStart(now, -(month % 3));
      const previousFrom = monthStart(from, -3);
      const elapsedDays = Math.round((tomorrow - from) / DAY_MS);
      return {
        current: { from, to: tomorrow },
        previous: { from: previousFrom, to: Math.min(from, addDays(previousFrom, elapsedDays)) },
      };
    }
    case 'last12months': {
      const current = { from: monthStart(now, -11), to: tomorrow };
      return { current, previous: { from: monthStart(now, -23), to: monthStart(now, -11) } };
    }
    case 'last7days':
    case 'last30days':
    case 'last90days': {
      const days = preset === 'last7days' ? 7 : preset === 'last30days' ? 30 : 90;
      const current = { from: addDays(now, 1 - days), to: tomorrow };
      return { current, previous: sameLengthBefore(current) };
    }
  }
}

/** The local calendar day containing `now`, as a half-open range (due today). */
export function dayOf(now: number): Period {
  return { from: startOfDay(now), to: addDays(now, 1) };
}

/** Trends for a custom period are compared with the same length before it. */
export function previousOf(period: Period): Period {
  return sameLengthBefore(period);
}

function bucketStart(ms: number, granularity: Granularity): number {
  switch (granularity) {
    case 'month':
      return monthStart(ms);
    case 'week': {
      // ISO weeks start on Monday; getDay() counts from Sunday.
      const weekday = (new Date(ms).getDay() + 6) % 7;
      return addDays(ms, -weekday);
    }
  }
}

function nextBucket(start: number, granularity: Granularity): number {
  return granularity === 'month' ? monthStart(start, 1) : addDays(start, 7);
}

/**
 * The calendar weeks or months that overlap the period, clipped to it, so that the buckets'
 * counts add up to the period's. At most MAX_BUCKETS (the latest ones).
 */
export function periodBuckets(period: Period, granularity: Granularity): Period[] {
  const buckets: Period[] = [];
  for (let start = bucketStart(period.from, granularity); start < period.to; start = nextBucket(start, granularity)) {
    const end = nextBucket(start, granularity);
    buckets.push({ from: Math.max(start, period.from), to: Math.min(end, period.to) });
  }
  return buckets.slice(-MAX_BUCKETS);
}
