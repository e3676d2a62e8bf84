// Exports (issue "Exports"): CSV or XLSX of the queue's current filter or selection, or of the
// Team view's tables. The renderer starts an export, then asks for it chunk by chunk — which
// is what shows progress and lets the user cancel between chunks — and the core writes the
// file (the desktop app's save dialog) or hands the bytes over (browser mode downloads them).
// Every finished export is written to the audit trail and sent to the server.
import { z } from 'zod';
import { Id } from '../../api/primitives.js';
import { ExportFormat, QUEUE_EXPORT_COLUMN_IDS } from '../../export/columns.js';
import { QueueQuery } from '../../queue/query.js';
import { Granularity } from '../../team/period.js';
import { channel } from '../define.js';
import { TeamReportRequest } from './team.js';

/** A selection is what someone ticks by hand; beyond this, export the filter instead. */
export const MAX_SELECTION_EXPORT = 10_000;

export const TEAM_EXPORT_TABLES = ['kpis', 'backlog', 'trends', 'rootCauses'] as const;
export const TeamExportTable = z.enum(TEAM_EXPORT_TABLES);
export type TeamExportTable = z.infer<typeof TeamExportTable>;

export const ExportSource = z.discriminatedUnion('kind', [
  /** Every response the queue's filters match, in its order. */
  z.strictObject({ kind: z.literal('queue'), query: QueueQuery }),
  /** The responses ticked in the queue, newest first. */
  z.strictObject({ kind: z.literal('selection'), ids: z.array(Id).min(1).max(MAX_SELECTION_EXPORT) }),
  /** The Team view's tables: one as CSV, or all of them as the sheets of one workbook. */
  z.strictObject({
    kind: z.literal('team'),
    report: TeamReportRequest.extend({ granularity: Granularity }),
    /** null: all tables (XLSX only). */
    table: TeamExportTable.nullable(),
  }),
]);
export type ExportSource = z.infer<typeof ExportSource>;

export const ExportRequest = z
  .strictObject({
    source: ExportSource,
    format: ExportFormat,
    /** Queue and selection exports: the columns, in order. Ignored for the Team view's tables. */
    columns: z.array(z.enum(QUEUE_EXPORT_COLUMN_IDS)).min(1).max(QUEUE_EXPORT_COLUMN_IDS.length),
    /** The user ticked personal-data columns on purpose; the core refuses them otherwise. */
    personalData: z.boolean(),
  })
  .refine((r) => r.source.kind !== 'team' || r.source.table !== null || r.format === 'xlsx', {
    message: 'All the Team tables together need XLSX (one sheet each).',
  });
export type ExportRequest = z.infer<typeof ExportRequest>;

export const ExportProgress = z.strictObject({
  exportId: Id,
  /** Rows written so far, and the rows the export will hold (as counted when it started). */
  rows: z.number().int().min(0),
  total: z.number().int().min(0),
  done: z.boolean(),
  /** Browser mode: the bytes produced by this step, base64; null when the core writes the file. */
  chunk: z.string().nullable(),
});
export type ExportProgress = z.infer<typeof ExportProgress>;

export const EXPORT_CHANNELS = {
  'export:start': channel(
    ExportRequest,
    z.union([
      z.strictObject({
        started: z.literal(true),
        exportId: Id,
        fileName: z.string(),
        total: z.number().int().min(0),
        /** 'file': the core writes where the user chose; 'download': the renderer saves the chunks. */
        delivery: z.enum(['file', 'download']),
        mimeType: z.string(),
      }),
      /** The user closed the save dialog. */
      z.strictObject({ started: z.literal(false) }),
    ]),
  ),
  'export:next': channel(z.strictObject({ exportId: Id }), ExportProgress),
  'export:cancel': channel(z.strictObject({ exportId: Id }), z.strictObject({ cancelled: z.boolean() })),
} as const;
