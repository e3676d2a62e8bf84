// Exports as the renderer drives them (common/ipc/channels/export.ts): start (the save
// dialog in the desktop app, the count, the header), then one chunk per `next`, then the
// audit record — written locally before the file is delivered, and queued for the server.
// A job the renderer stops asking about is dropped after a while, its partial file removed.
import { randomUUID } from 'node:crypto';
import type { ExportAuditBody } from '../../../common/api/export-audit.js';
import { describeQueueQuery } from '../../../common/export/audit.js';
import { includesPersonalData } from '../../../common/export/columns.js';
import type { ChannelResponse } from '../../../common/ipc/contract.js';
import type { ExportProgress, ExportRequest } from '../../../common/ipc/channels/export.js';
import type { DatabaseClient } from '../db/database-client.js';
import { IpcFailure } from '../ipc/handler-table.js';
import { resolveReceived } from '../queue/sql/filters.js';
import { readConnectionConfig, serverIdentity } from '../session/connection-config.js';
import { CsvEncoder } from './csv-encoder.js';
import type { Encoder } from './encoder.js';
import { ExportJob, type RowSource } from './export-job.js';
import { DownloadSink, FileSink, type ExportSink } from './export-sink.js';
import { queueSource, teamSource } from './export-sources.js';
import { TEAM_TABLE_NAMES } from './team-tables.js';
import { XlsxEncoder } from './xlsx-encoder.js';

/** A job not asked for its next chunk in this long is abandoned (the page was closed). */
export const IDLE_MS = 2 * 60_000;

/** Where the desktop app saves: the user's choice in a save dialog, or null when cancelled. */
export type ChooseExportPath = (suggestedName: string, format: ExportRequest['format']) => Promise<string | null>;

export interface ExportServiceDeps {
  readonly database: () => DatabaseClient;
  /** Absent in browser mode: the page downloads the bytes instead. */
  readonly chooseExportPath?: ChooseExportPath;
  /** Told when an audit record has been written, so that it is sent soon. */
  readonly onAudited: () => void;
  readonly now?: () => number;
}

interface Running {
  readonly job: ExportJob;
  readonly request: ExportRequest;
  readonly sheets: RowSource['sheets'];
  readonly startedAt: number;
  busy: boolean;
  idle: ReturnType<typeof setTimeout> | null;
}

function fileStamp(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

function suggestedName(request: ExportRequest, now: number): string {
  const { source } = request;
  const what =
    source.kind === 'team'
      ? `team-${source.table === null ? 'report' : TEAM_TABLE_NAMES[source.table].toLowerCase().replaceAll(' ', '-')}`
      : source.kind === 'selection'
        ? 'selected-responses'
        : 'responses';
  return `loopdesk-${what}-${fileStamp(now)}.${request.format}`;
}

function period(label: string, p: { from: number; to: number }): string {
  return `${label} = ${new Date(p.from).toISOString()} – ${new Date(p.to).toISOString()}`;
}

/** The audit's "which filter": exact clauses (common/export/audit.ts). */
function describeSource(request: ExportRequest, now: number): string[] {
  const { source } = request;
  switch (source.kind) {
    case 'queue':
      return describeQueueQuery(source.query, (range) => resolveReceived(range, now));
    case 'selection':
      return [`selection = ${source.ids.length} responses, newest first`];
    case 'team': {
      const { report } = source;
      const filters = Object.entries(report.filters)
        .filter(([, values]) => values.length > 0)
        .map(([field, values]) => `${field} = ${JSON.stringify(values)}`);
      return [
        `tables = ${source.table ?? 'all'}`,
        period('period', report.period),
        period('previous', report.previousPeriod),
        `granularity = ${report.granularity}`,
        ...filters,
      ];
    }
  }
}

export class ExportService {
  private readonly jobs = new Map<string, Running>();
  private readonly now: () => number;

  constructor(private readonly deps: ExportServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  async start(request: ExportRequest): Promise<ChannelResponse<'export:start'>> {
    const personal = request.source.kind !== 'team' && includesPersonalData(request.columns);
    if (personal && !request.personalData) {
      throw new IpcFailure('invalid_input', 'Personal-data columns are exported only when you choose them explicitly.');
    }
    const now = this.now();
    const id = randomUUID();
    const fileName = suggestedName(request, now);
    let sink: ExportSink = new DownloadSink();
    if (this.deps.chooseExportPath !== undefined) {
      const target = await this.deps.chooseExportPath(fileName, request.format);
      if (target === null) return { started: false };
      sink = await FileSink.create(target, id);
    }
    const encoder: Encoder = request.format === 'csv' ? new CsvEncoder() : new XlsxEncoder();
    let source: RowSource;
    try {
      const db = this.deps.database();
      source =
        request.source.kind === 'team'
          ? await teamSource(db, { ...request, source: request.source }, now)
          : await queueSource(db, { ...request, source: request.source }, now);
    } catch (error) {
      await sink.abort();
      throw error;
    }
    const running: Running = {
      job: new ExportJob(id, source, encoder, sink),
      request,
      sheets: source.sheets,
      startedAt: now,
      busy: false,
      idle: null,
    };
    this.jobs.set(id, running);
    this.touch(running);
    return {
      started: true,
      exportId: id,
      fileName,
      total: source.total,
      delivery: sink.delivery,
      mimeType: encoder.mimeType,
    };
  }

  async next(exportId: string): Promise<ExportProgress> {
    const running = this.jobs.get(exportId);
    if (running === undefined) throw new IpcFailure('not_found', 'This export was cancelled or has finished.');
    if (running.busy) throw new IpcFailure('invalid_input', 'Ask for the next part once the previous one has arrived.');
    running.busy = true;
    try {
      const step = await running.job.step();
      if (step.done) {
        this.forget(running);
        // No export without its record: the audit is written before the file is put in
        // place (desktop) or the last bytes are handed over (browser mode).
        await this.audit(running, step.rows);
        await running.job.complete();
      } else {
        this.touch(running);
      }
      return {
        exportId,
        rows: step.rows,
        total: Math.max(running.job.total, step.rows),
        done: step.done,
        chunk: step.bytes === null ? null : step.bytes.toString('base64'),
      };
    } catch (error) {
      this.forget(running);
      await running.job.abort();
      throw error;
    } finally {
      running.busy = false;
    }
  }

  async cancel(exportId: string): Promise<boolean> {
    const running = this.jobs.get(exportId);
    if (running === undefined) return false;
    this.forget(running);
    await running.job.abort();
    return true;
  }

  async close(): Promise<void> {
    await Promise.all([...this.jobs.keys()].map((id) => this.cancel(id)));
  }

  /** The record of a finished export: locally first (durably), then queued for the server. */
  private async audit(running: Running, rows: number): Promise<void> {
    const { request } = running;
    const db = this.deps.database();
    const { source } = request;
    // The Team tables' columns are their headers, named with their sheet.
    const columns =
      source.kind === 'team'
        ? running.sheets.flatMap((sheet) => sheet.header.map((h) => `${sheet.name}: ${h}`.slice(0, 64))).slice(0, 100)
        : [...request.columns];
    const body: ExportAuditBody = {
      export_id: running.job.id,
      exported_at: new Date(this.now()).toISOString(),
      kind: source.kind,
      format: request.format,
      filter: describeSource(request, running.startedAt),
      columns,
      ...(source.kind === 'selection' ? { response_ids: [...source.ids] } : {}),
      personal_data: source.kind !== 'team' && includesPersonalData(request.columns),
      row_count: rows,
    };
    const [staffId, config] = await Promise.all([db.call('exportSignedIn', {}), readConnectionConfig(db)]);
    await db.call('exportRecordAudit', { body, staffId, server: serverIdentity(config), exportedAt: this.now() });
    this.deps.onAudited();
  }

  private touch(running: Running): void {
    if (running.idle !== null) clearTimeout(running.idle);
    running.idle = setTimeout(() => {
      void this.cancel(running.job.id);
    }, IDLE_MS);
    running.idle.unref();
  }

  private forget(running: Running): void {
    if (running.idle !== null) clearTimeout(running.idle);
    this.jobs.delete(running.job.id);
  }
}
