// Retry timing (DESIGN.md "Sync" → Retries): full-jitter exponential backoff — a uniformly
// random wait between 0 and min(cap, base · 2^attempt) — so that many clients coming back
// after an outage spread out instead of retrying in lockstep; and the server's Retry-After,
// which is a floor under that wait.

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/** attempt counts failures so far, from 0. random() is in [0, 1). */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** The wait before the next attempt: the jittered backoff, never shorter than Retry-After. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy,
  random: () => number,
): number {
  return Math.max(fullJitterDelay(attempt, policy, random), retryAfterMs ?? 0);
}
