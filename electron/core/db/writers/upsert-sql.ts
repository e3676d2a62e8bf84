// Builds "insert, or overwrite every column on a primary-key conflict", the statement that
// makes a replayed page of the change feed harmless, with positional parameters: binding an
// array is about a third faster than binding an object by name, which a million-row
// bootstrap notices.

export interface Upsert<Column extends string> {
  readonly sql: string;
  /** The row's values in the statement's parameter order. */
  readonly values: (row: Readonly<Record<Column, unknown>>) => unknown[];
}

export function upsertStatement<const Column extends string>(
  table: string,
  columns: readonly Column[],
  conflictColumn: Column | 'id' = 'id',
): Upsert<Column> {
  const updates = columns
    .filter((column) => column !== conflictColumn)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
  return {
    sql:
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (${conflictColumn}) DO UPDATE SET ${updates}`,
    values: (row) => columns.map((column) => row[column]),
  };
}
