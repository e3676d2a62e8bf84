// How API values are stored: instants as epoch milliseconds, booleans as 0/1, lists and
// maps as JSON text. Sub-millisecond digits of an instant are dropped; nothing in the
// product orders events that finely.

export function toEpochMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 instant: ${instant.slice(0, 40)}`);
  return ms;
}

export function toNullableEpochMs(instant: string | null): number | null {
  return instant === null ? null : toEpochMs(instant);
}

export function toInstant(ms: number): string {
  return new Date(ms).toISOString();
}

export function toSqlBoolean(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

export function fromSqlBoolean(value: number): boolean {
  return value !== 0;
}
