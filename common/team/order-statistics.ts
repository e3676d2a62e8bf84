// The order statistics of the closed-loop KPIs (common/team/kpis.ts), defined once:
// - median: the middle value, or the mean of the two middle values for an even count;
// - p90: the nearest rank, the ⌈0.9·n⌉-th smallest value — the smallest value that at
//   least 90 % of the values do not exceed.
// SQLite has neither, and sorting a year of durations in SQL costs more than the Team
// view's budget; the core reads the values in one index pass (grouped by assignee) and
// these functions pick the ranks, by selection (linear time) rather than a full sort.

export interface OrderStatistics {
  readonly median: number | null;
  readonly p90: number | null;
}

/** Rearranges `a` so that a[k] is the (k+1)-th smallest, smaller ones before it (Hoare's select). */
function select(a: Float64Array, k: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i += 1;
      while ((a[j] ?? 0) > pivot) j -= 1;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] ?? Number.NaN;
}

/** The smallest value from index `from` on. */
function smallestFrom(a: Float64Array, from: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = from; i < a.length; i += 1) min = Math.min(min, a[i] ?? min);
  return min;
}

/** `values` in any order (left unchanged); empty gives nulls. */
export function orderStatistics(values: readonly number[]): OrderStatistics {
  const n = values.length;
  if (n === 0) return { median: null, p90: null };
  const a = Float64Array.from(values);
  // Ranks are 1-based; index = rank − 1.
  const low = Math.floor((n + 1) / 2) - 1;
  const high = Math.floor((n + 2) / 2) - 1;
  const p90 = Math.ceil((9 * n) / 10) - 1;
  // The p90 first: it leaves every smaller value before it, where the median is sought next.
  const p90Value = select(a, p90, 0, n - 1);
  const lowValue = select(a, low, 0, p90);
  // After the selection of `low`, everything after it is at least as large: the next rank
  // is the smallest of what follows.
  const highValue = high === low ? lowValue : smallestFrom(a, low + 1);
  return { median: (lowValue + highValue) / 2, p90: p90Value };
}
