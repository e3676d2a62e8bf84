// Timing several cases fairly: round-robin, so that no case enjoys a page cache warmed by
// its own previous run alone, after a few warm-up rounds that are not counted.
import { performance } from 'node:perf_hooks';
import { percentile, report, round } from './report.js';

export type BenchCase = readonly [name: string, run: () => Promise<unknown>];

export async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Milliseconds per run of each case, warm-up rounds left out. */
export async function roundRobin(
  cases: readonly BenchCase[],
  rounds: number,
  warmupRounds: number,
): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  for (let round_ = 0; round_ < warmupRounds + rounds; round_ += 1) {
    for (const [name, run] of cases) {
      const ms = await timeOnce(run);
      if (round_ >= warmupRounds) samples.get(name)?.push(ms);
    }
  }
  return samples;
}

/** `<name>.p50` for information and `<name>.p95` against the target. */
export function reportPercentiles(samples: ReadonlyMap<string, readonly number[]>, target: string): void {
  for (const [name, values] of samples) {
    report({ name: `${name}.p50`, value: round(percentile(values, 50)), unit: 'ms', target: '' });
    report({ name: `${name}.p95`, value: round(percentile(values, 95)), unit: 'ms', target });
  }
}
