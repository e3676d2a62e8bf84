// How an export is described in the audit trail (issue "Exports"; DESIGN.md Privacy: every
// read of personal data for export is attributable): the filter as readable clauses that
// still say exactly what was chosen, relative dates with the instants they meant then.
import { isFilterActive, type QueueFilters, type QueueQuery } from '../queue/query.js';

function instant(ms: number | null): string {
  return ms === null ? '…' : new Date(ms).toISOString();
}

/** One clause per active filter, e.g. `status = ["new","assigned"]`; nothing for "everything". */
export function describeQueueFilters(
  filters: QueueFilters,
  resolveReceived: (range: NonNullable<QueueFilters['received']>) => { from: number | null; to: number | null },
): string[] {
  const clauses: string[] = [];
  for (const field of Object.keys(filters) as (keyof QueueFilters)[]) {
    if (!isFilterActive(filters, field)) continue;
    const value = filters[field];
    if (field === 'received' && filters.received !== null) {
      const { from, to } = resolveReceived(filters.received);
      clauses.push(`received = ${JSON.stringify(value)} (${instant(from)} – ${instant(to)})`);
    } else {
      clauses.push(`${field} = ${JSON.stringify(value)}`);
    }
  }
  return clauses;
}

export function describeQueueQuery(
  query: QueueQuery,
  resolveReceived: Parameters<typeof describeQueueFilters>[1],
): string[] {
  return [
    ...describeQueueFilters(query.filters, resolveReceived),
    `sort = ${query.sort.column} ${query.sort.direction}`,
  ];
}
