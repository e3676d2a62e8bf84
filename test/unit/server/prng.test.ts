import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../server/lib/prng.js';

describe('createPrng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, createPrng(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws uniformly enough, within bounds, and by weight', () => {
    const p = createPrng(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const x = p.int(0, 3);
      counts[x] = (counts[x] ?? 0) + 1;
    }
    for (const c of counts) expect(c).toBeGreaterThan(9_500);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        p.weighted([
          ['a', 9],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy++;
    expect(heavy / 10_000).toBeCloseTo(0.9, 1);
  });
});
