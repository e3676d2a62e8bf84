// The rows an export request asks for, as RowSources (export-job.ts): the queue's filter or a
// selection, read from the database worker a chunk at a time; or the Team view's tables,
// computed at once (they are small) by the same operations as the view.
import type { ExportRequest } from '../../../common/ipc/channels/export.js';
import { exportColumn, type QueueExportColumnId } from '../../../common/export/columns.js';
import type { DatabaseClient } from '../db/database-client.js';
import type { Sheet } from './export-cells.js';
import type { RowSource } from './export-job.js';
import { backlogTable, kpiTable, rootCausesTable, trendsTable, type Table } from './team-tables.js';

/** Rows per step: the queue's page size, so one step is one keyset page. */
export const CHUNK_ROWS = 500;

function queueSheet(columns: readonly QueueExportColumnId[]): Sheet {
  return {
    name: 'Responses',
    header: columns.map((id) => exportColumn(id).label),
    types: columns.map((id) => exportColumn(id).type),
  };
}

export async function queueSource(
  db: DatabaseClient,
  request: ExportRequest & { readonly source: { readonly kind: 'queue' | 'selection' } },
  now: number,
): Promise<RowSource> {
  const { source, columns } = request;
  const sheets = [queueSheet(columns)];
  if (source.kind === 'queue') {
    const total = await db.call('exportCountQueue', { query: source.query, now });
    return {
      sheets,
      total,
      read: (_sheet, after) =>
        db.call('exportQueueChunk', { query: source.query, columns, after, limit: CHUNK_ROWS, now }),
    };
  }
  const total = await db.call('exportCountSelection', { ids: source.ids });
  return {
    sheets,
    total,
    read: (_sheet, cursor) =>
      db.call('exportSelectionChunk', {
        ids: source.ids,
        columns,
        offset: cursor === null ? 0 : Number(cursor),
        limit: CHUNK_ROWS,
        now,
      }),
  };
}

export async function teamSource(
  db: DatabaseClient,
  request: ExportRequest & { readonly source: { readonly kind: 'team' } },
  now: number,
): Promise<RowSource> {
  const { report, table } = request.source;
  const tables: Table[] = [];
  if (table === null || table === 'kpis') tables.push(kpiTable(await db.call('teamKpis', { ...report, now })));
  if (table === null || table === 'backlog') tables.push(backlogTable(await db.call('teamBacklog', { now })));
  if (table === null || table === 'trends') {
    tables.push(trendsTable(await db.call('teamTrends', { ...report, breakdown: 'none', now })));
  }
  if (table === null || table === 'rootCauses') {
    tables.push(rootCausesTable(await db.call('teamRootCauses', { ...report, now })));
  }
  return {
    sheets: tables.map((t) => t.sheet),
    total: tables.reduce((n, t) => n + t.rows.length, 0),
    read: (sheet) => Promise.resolve({ rows: tables[sheet]?.rows ?? [], next: null }),
  };
}
