// Hashes used for idempotency and for tokens.
import { createHash, randomBytes } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with object keys sorted at every level, so equal payloads hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** 256 random bits: high enough entropy that an unsalted SHA-256 is the right way to store it. */
export function newToken(prefix: 'ldk' | 'ldi'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Random ids for server-made records (respondents, responses without a survey id, staff). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
