// How a benchmark reports: one line per figure on stdout, read by scripts/bench.mjs.
export interface BenchFigure {
  /** Dotted by area: sync.…, queue.…, ui.…, team.… */
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The target as text, e.g. "<= 50" or ">= 50000"; empty when the figure is informative. */
  readonly target: string;
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

export function report(figure: BenchFigure): void {
  console.log(RESULT_PREFIX + JSON.stringify(figure));
}

/** Percentile by nearest rank over unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
