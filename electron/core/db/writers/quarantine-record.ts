// A change that failed validation is kept, with the reason, instead of blocking the page.
// Whatever identifiers can be read from it are copied out, so that an erasure of its
// respondent removes it too.
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

export interface QuarantineInput {
  /** The change as it arrived (already parsed JSON). */
  readonly payload: unknown;
  /** Why it was refused, e.g. the zod issues in one line. */
  readonly reason: string;
  readonly atMs: number;
}

export function quarantineRecord(db: Db, input: QuarantineInput): void {
  const change = asObject(input.payload);
  const data = asObject(change?.data);
  const kind = asString(change?.kind);
  prepareCached(
    db,
    'INSERT INTO quarantine (kind, record_id, end_user_id, payload, reason, quarantined_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    kind,
    asString(data?.id),
    asString(data?.end_user_id) ?? (kind === 'respondent' ? asString(data?.id) : null),
    // The payload came from JSON, so only a missing one (undefined) lacks a JSON form.
    JSON.stringify(input.payload ?? null),
    input.reason,
    input.atMs,
  );
}

function asObject(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function asString(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, 256) : null;
}
