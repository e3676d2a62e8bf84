// JSON-in-TEXT columns (tags, properties, event data). The server wrote them itself, so a
// parse is trusted; the helpers only keep the casts in one place.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed cast of a column the server wrote itself
export function readJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export const writeJson = (value: unknown): string => JSON.stringify(value);

export const bool = (value: number): boolean => value !== 0;
export const int = (value: boolean): number => (value ? 1 : 0);
