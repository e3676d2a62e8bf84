// Median and p90 as the KPIs define them, by hand and against a plain sort on random data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderStatistics } from '../../../common/team/order-statistics.js';

function bySorting(values: readonly number[]): { median: number | null; p90: number | null } {
  if (values.length === 0) return { median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const rank = (r: number): number => sorted[r - 1]!;
  return {
    median: (rank(Math.floor((n + 1) / 2)) + rank(Math.floor((n + 2) / 2))) / 2,
    p90: rank(Math.ceil(0.9 * n - 1e-9)),
  };
}

describe('order statistics', () => {
  it('median: the middle value, or the mean of the two middle values', () => {
    expect(orderStatistics([5, 1, 3]).median).toBe(3);
    expect(orderStatistics([4, 1, 3, 2]).median).toBe(2.5);
    expect(orderStatistics([2, 2, 1, 5]).median).toBe(2);
    expect(orderStatistics([7]).median).toBe(7);
  });

  it('p90: the nearest rank ⌈0.9 n⌉', () => {
    expect(orderStatistics([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).p90).toBe(9);
    expect(orderStatistics([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90).toBe(10);
    expect(orderStatistics([3, 1]).p90).toBe(3);
  });

  it('is null without values and leaves its input alone', () => {
    expect(orderStatistics([])).toEqual({ median: null, p90: null });
    const values = [3, 1, 2];
    orderStatistics(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('agrees with sorting, ties and all', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (values) => {
        expect(orderStatistics(values)).toEqual(bySorting(values));
      }),
      { numRuns: 500 },
    );
  });
});
