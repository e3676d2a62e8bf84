// Builds "insert, or overwrite every column on a primary-key conflict", the statement that
// makes a replayed page of the change feed harmless.

export function upsertSql(table: string, columns: readonly string[], conflictColumn = 'id'): string {
  const updates = columns
    .filter((column) => column !== conflictColumn)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
  return (
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ` +
    `ON CONFLICT (${conflictColumn}) DO UPDATE SET ${updates}`
  );
}
