// SQL text with its positional parameters, built together so that user input only ever
// reaches SQLite as a bound value.
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export function sql(text: string, ...params: readonly unknown[]): SqlFragment {
  return { sql: text, params };
}

export function joinSql(fragments: readonly SqlFragment[], separator: string): SqlFragment {
  return { sql: fragments.map((f) => f.sql).join(separator), params: fragments.flatMap((f) => f.params) };
}

/** Conjunction; an empty list is "true". */
export function allOf(fragments: readonly SqlFragment[]): SqlFragment {
  if (fragments.length === 0) return sql('1');
  return joinSql(
    fragments.map((f) => ({ sql: `(${f.sql})`, params: f.params })),
    ' AND ',
  );
}

export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** `column IN (…)`, with null in the list meaning "or the column is NULL". */
export function inList(column: string, values: readonly (string | number | null)[]): SqlFragment {
  const present = values.filter((v): v is string | number => v !== null);
  const parts: SqlFragment[] = [];
  if (present.length > 0) parts.push(sql(`${column} IN (${placeholders(present.length)})`, ...present));
  if (present.length < values.length) parts.push(sql(`${column} IS NULL`));
  const either = joinSql(parts, ' OR ');
  return parts.length === 1 ? either : { sql: `(${either.sql})`, params: either.params };
}
