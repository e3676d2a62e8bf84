/** The server's notion of now; tests pass a fixed or stepping clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Timestamps on the wire and in the database: UTC, millisecond precision. */
export const iso = (d: Date | number | string): string => new Date(d).toISOString();
