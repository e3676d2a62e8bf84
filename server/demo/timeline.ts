// When demo answers arrive: three years back from "now", volume growing about threefold
// over the period, mostly on weekdays and in office hours. The mapping is monotone, so
// answers generated in index order are also in time order (respondents before responses).
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** 1970-01-05 was a Monday. */
const MONDAY_OFFSET = 4 * DAY;
export const HISTORY_MS = Math.round(3 * 365.25 * DAY);

/** Maps a uniform fraction through a piecewise-constant density given by relative weights. */
function shaper(weights: readonly number[]): (x: number) => number {
  const total = weights.reduce((a, b) => a + b, 0);
  const cdf: number[] = [0];
  for (const w of weights) cdf.push((cdf.at(-1) ?? 0) + w / total);
  return (x) => {
    let i = 0;
    while (i < weights.length - 1 && x >= (cdf[i + 1] ?? 1)) i++;
    const w = (weights[i] ?? 1) / total;
    return (i + (x - (cdf[i] ?? 0)) / w) / weights.length;
  };
}

/** Mon–Sun (UTC). */
const weekShape = shaper([1, 1.05, 1, 0.95, 0.85, 0.35, 0.3]);
/** 00–23 UTC: Nordic and Dutch office hours, a tail into the evening. */
const dayShape = shaper([
  0.1, 0.08, 0.08, 0.1, 0.2, 0.45, 0.9, 1.4, 1.6, 1.6, 1.5, 1.5, 1.6, 1.5, 1.4, 1.2, 1, 0.8, 0.7, 0.65, 0.55, 0.4, 0.25,
  0.15,
]);

function shape(ms: number, period: number, offset: number, map: (x: number) => number): number {
  const start = Math.floor((ms - offset) / period) * period + offset;
  return start + map((ms - start) / period) * period;
}

/** The time of answer `index` of `count`, given a uniform jitter in [0, 1). */
export function answerTime(index: number, count: number, jitter: number, nowMs: number): number {
  const u = (index + jitter) / count;
  // Density ∝ 1 + 2t over the period: the inverse of its CDF (t + t²) / 2.
  const t = (-1 + Math.sqrt(1 + 8 * u)) / 2;
  const raw = nowMs - HISTORY_MS + t * HISTORY_MS;
  const shaped = shape(shape(raw, WEEK, MONDAY_OFFSET, weekShape), DAY, 0, dayShape);
  return Math.min(shaped, nowMs - 60_000);
}
