import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, fullJitterDelay, parseRetryAfter, retryDelay } from '../../../electron/core/sync/backoff.js';

describe('full-jitter backoff', () => {
  it('waits a random time below base · 2^attempt, capped at about a minute', () => {
    expect(fullJitterDelay(0, DEFAULT_BACKOFF, () => 0.999)).toBe(999);
    expect(fullJitterDelay(3, DEFAULT_BACKOFF, () => 0.5)).toBe(4_000);
    expect(fullJitterDelay(6, DEFAULT_BACKOFF, () => 0.999)).toBe(59_940);
    expect(fullJitterDelay(50, DEFAULT_BACKOFF, () => 0.999)).toBe(59_940);
    expect(fullJitterDelay(50, DEFAULT_BACKOFF, () => 0)).toBe(0);
  });

  it('spreads clients out: many draws cover the whole window', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16_807) % 2_147_483_647) - 1) / 2_147_483_646;
    const draws = Array.from({ length: 2_000 }, () => fullJitterDelay(4, DEFAULT_BACKOFF, random));
    expect(Math.min(...draws)).toBeLessThan(800);
    expect(Math.max(...draws)).toBeGreaterThan(15_200);
    expect(Math.max(...draws)).toBeLessThan(16_000);
  });

  it('never retries before the server’s Retry-After', () => {
    expect(retryDelay(0, 30_000, DEFAULT_BACKOFF, () => 0.5)).toBe(30_000);
    expect(retryDelay(5, 1_000, DEFAULT_BACKOFF, () => 0.5)).toBe(16_000);
    expect(retryDelay(0, null, DEFAULT_BACKOFF, () => 0.5)).toBe(500);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-06-01T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Mon, 01 Jun 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 01 Jun 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
