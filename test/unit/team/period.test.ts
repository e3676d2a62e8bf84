// Reporting periods and trend buckets (common/team/period.ts), in the machine's time zone
// like the app: presets, what they are compared with, and calendar weeks and months.
import { describe, expect, it } from 'vitest';
import { dayOf, periodBuckets, presetPeriods, previousOf } from '../../../common/team/period.js';

const local = (y: number, m: number, d: number, h = 0): number => new Date(y, m - 1, d, h).getTime();

describe('period presets', () => {
  const now = local(2026, 3, 18, 15);

  it('this month runs to the end of today, compared with the same days of last month', () => {
    expect(presetPeriods('thisMonth', now)).toEqual({
      current: { from: local(2026, 3, 1), to: local(2026, 3, 19) },
      previous: { from: local(2026, 2, 1), to: local(2026, 2, 19) },
    });
  });

  it('this month on the 31st is compared with the whole of a shorter last month', () => {
    expect(presetPeriods('thisMonth', local(2026, 3, 31, 9)).previous).toEqual({
      from: local(2026, 2, 1),
      to: local(2026, 3, 1),
    });
  });

  it('last month is the calendar month before, compared with the one before that', () => {
    expect(presetPeriods('lastMonth', now)).toEqual({
      current: { from: local(2026, 2, 1), to: local(2026, 3, 1) },
      previous: { from: local(2026, 1, 1), to: local(2026, 2, 1) },
    });
  });

  it('rolling windows end with today and are compared with as many days before', () => {
    const { current, previous } = presetPeriods('last7days', now);
    expect(current).toEqual({ from: local(2026, 3, 12), to: local(2026, 3, 19) });
    expect(previous).toEqual({ from: current.from - (current.to - current.from), to: current.from });
  });

  it('the last 12 months start at the first of the month eleven months ago', () => {
    expect(presetPeriods('last12months', now).current).toEqual({ from: local(2025, 4, 1), to: local(2026, 3, 19) });
    expect(presetPeriods('thisQuarter', now).current).toEqual({ from: local(2026, 1, 1), to: local(2026, 3, 19) });
  });

  it('a custom period is compared with the same length before, and today is a whole local day', () => {
    expect(previousOf({ from: 100, to: 150 })).toEqual({ from: 50, to: 100 });
    expect(dayOf(now)).toEqual({ from: local(2026, 3, 18), to: local(2026, 3, 19) });
  });
});

describe('trend buckets', () => {
  it('are calendar weeks from Monday, clipped to the period, adding up to it', () => {
    // 1 March 2026 is a Sunday.
    const buckets = periodBuckets({ from: local(2026, 3, 1), to: local(2026, 3, 19) }, 'week');
    expect(buckets).toEqual([
      { from: local(2026, 3, 1), to: local(2026, 3, 2) },
      { from: local(2026, 3, 2), to: local(2026, 3, 9) },
      { from: local(2026, 3, 9), to: local(2026, 3, 16) },
      { from: local(2026, 3, 16), to: local(2026, 3, 19) },
    ]);
  });

  it('are calendar months', () => {
    const buckets = periodBuckets({ from: local(2025, 12, 15), to: local(2026, 3, 1) }, 'month');
    expect(buckets.map((b) => new Date(b.from).getMonth() + 1)).toEqual([12, 1, 2]);
    expect(buckets[0]?.from).toBe(local(2025, 12, 15));
    expect(buckets.at(-1)?.to).toBe(local(2026, 3, 1));
  });
});
