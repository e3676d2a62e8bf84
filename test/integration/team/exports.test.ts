// Exports end to end in the core: a real database worker, the export channels through the
// handler table, the file as the page (browser mode) or the save dialog (desktop) receives
// it, the local audit record, and its delivery to a reference server's audit trail.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditReply } from '../../../common/api/privacy.js';
import { DEFAULT_EXPORT_COLUMNS } from '../../../common/export/columns.js';
import type { ExportProgress } from '../../../common/ipc/channels/export.js';
import { DEFAULT_SORT, filtersWith, type QueueQuery } from '../../../common/queue/query.js';
import { presetPeriods } from '../../../common/team/period.js';
import { EMPTY_TEAM_FILTERS } from '../../../common/team/filters.js';
import { newDatabaseKey } from '../../../electron/core/db/database-key.js';
import type { DatabaseClient } from '../../../electron/core/db/database-client.js';
import { openDatabase } from '../../../electron/core/db/open-database.js';
import { WorkerDatabaseClient } from '../../../electron/core/db/worker-database-client.js';
import { ExportAuditUplink } from '../../../electron/core/export/audit-uplink.js';
import { ExportService } from '../../../electron/core/export/export-service.js';
import { createHandlerTable, type Dispatch, type HandlerMap } from '../../../electron/core/ipc/handler-table.js';
import { exportHandlers } from '../../../electron/core/ipc/handlers/export-handlers.js';
import { fillDatabase, setSignedInStaff } from '../../bench/support/bench-database.js';
import { SYNTHETIC_ME } from '../../bench/support/synthetic-feedback.js';
import { buildDbWorker, type BuiltWorker } from '../db/support/build-db-worker.js';
import { startHarness, type Harness } from '../server/server-harness.js';
import { tempDir } from '../../unit/db/support/temp-dirs.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');
let built: BuiltWorker;
let client: DatabaseClient;
let dbDir: string;
let dbFile: string;
let dbKey: Buffer;

beforeAll(async () => {
  built = await buildDbWorker();
  dbDir = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-export-'));
  dbFile = path.join(dbDir, 'loopdesk.db');
  dbKey = newDatabaseKey();
  const db = openDatabase({ file: dbFile, key: dbKey });
  fillDatabase(db, { seed: 4, responses: 1500, now: NOW, spanDays: 60 });
  setSignedInStaff(db, SYNTHETIC_ME.id);
  db.close();
  client = await WorkerDatabaseClient.open({ file: dbFile, key: dbKey, workerPath: built.workerPath });
});

afterAll(async () => {
  await client.close();
  built.remove();
  rmSync(dbDir, { recursive: true, force: true });
});

function table(service: ExportService): Dispatch {
  return createHandlerTable(exportHandlers(service) as unknown as HandlerMap);
}

async function ok<T>(dispatch: Dispatch, channel: string, request: unknown): Promise<T> {
  const result = await dispatch(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Drives an export as the page does: start, then next until done; returns the bytes. */
async function download(dispatch: Dispatch, request: unknown): Promise<{ bytes: Buffer; progress: ExportProgress[] }> {
  const start = await ok<{ started: boolean; exportId: string; total: number }>(dispatch, 'export:start', request);
  const parts: Buffer[] = [];
  const progress: ExportProgress[] = [];
  for (;;) {
    const step = await ok<ExportProgress>(dispatch, 'export:next', { exportId: start.exportId });
    progress.push(step);
    if (step.chunk !== null) parts.push(Buffer.from(step.chunk, 'base64'));
    if (step.done) break;
  }
  return { bytes: Buffer.concat(parts), progress };
}

/** Enough rows for several chunks. */
const unhappy: QueueQuery = {
  filters: filtersWith({ band: ['negative', 'neutral'] }),
  sort: { column: 'score', direction: 'asc' },
};

const germanDetractors = {
  filters: filtersWith({ country: ['DE'], band: ['negative'] }),
  sort: DEFAULT_SORT,
};

function service(onAudited = (): void => undefined): ExportService {
  return new ExportService({ database: () => client, onAudited, now: () => NOW });
}

describe('queue exports', () => {
  it('write a CSV that parses back into the queue’s rows, in its order, with the chosen columns', async () => {
    const dispatch = table(service());
    const columns = ['response_id', 'received_at', 'score', 'country', 'status', 'notes', 'contact_summary'];
    const { bytes, progress } = await download(dispatch, {
      source: { kind: 'queue', query: unhappy },
      format: 'csv',
      columns,
      personalData: false,
    });
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['Response id', 'Received', 'Score', 'Country', 'Follow-up status', 'Notes', 'Contact log']);

    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof client.call<'queuePage'>>> = await client.call('queuePage', {
        query: unhappy,
        after,
        offset: 0,
        limit: 500,
        now: NOW,
      });
      if (!page.ok) throw new Error(page.message);
      ids.push(...page.value.rows.map((r) => r.id));
      if (!page.value.hasMore) break;
      after = page.value.rows.at(-1)?.cursor ?? null;
    }
    expect(rows.map((r) => r[0])).toEqual(ids);
    // Worst first, as the queue sorts them.
    const scores = rows.map((r) => Number(r[2]));
    expect(scores[0]).toBe(0);
    expect(rows.length).toBeGreaterThan(500);
    // Progress in steps of a page, ending at the total.
    expect(progress.at(-1)).toMatchObject({ done: true, rows: ids.length, total: ids.length });
    expect(progress.length).toBeGreaterThan(1);
    // Contact summaries exist for contacted follow-ups.
    expect(rows.some((r) => (r[6] ?? '').includes(' · phone · ') || (r[6] ?? '').includes(' · email · '))).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const db = openDatabase({ file: dbFile, key: dbKey });
    const id = db.prepare("SELECT id FROM responses WHERE country = 'DE' LIMIT 1").pluck().get() as string;
    db.prepare('UPDATE responses SET text = ? WHERE id = ?').run('=HYPERLINK("http://evil.example","x")', id);
    db.close();
    const { bytes } = await download(table(service()), {
      source: { kind: 'selection', ids: [id] },
      format: 'csv',
      columns: ['response_id', 'comment'],
      personalData: false,
    });
    const [, row] = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(row).toEqual([id, `'=HYPERLINK("http://evil.example","x")`]);
  });

  it('refuses personal-data columns unless they were chosen explicitly', async () => {
    const result = await table(service())('export:start', {
      source: { kind: 'queue', query: germanDetractors },
      format: 'csv',
      columns: ['response_id', 'respondent_email'],
      personalData: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('writes XLSX with real dates, and the file chosen in the save dialog only once complete', async () => {
    const dir = tempDir('loopdesk-export-file-');
    const target = path.join(dir, 'responses.xlsx');
    const dispatch = table(
      new ExportService({
        database: () => client,
        chooseExportPath: () => Promise.resolve(target),
        onAudited: () => undefined,
        now: () => NOW,
      }),
    );
    const start = await ok<{ exportId: string; delivery: string; total: number }>(dispatch, 'export:start', {
      source: { kind: 'queue', query: { filters: filtersWith({}), sort: DEFAULT_SORT } },
      format: 'xlsx',
      columns: [...DEFAULT_EXPORT_COLUMNS],
      personalData: false,
    });
    expect(start.delivery).toBe('file');
    let step = await ok<ExportProgress>(dispatch, 'export:next', { exportId: start.exportId });
    expect(existsSync(target)).toBe(false);
    while (!step.done) step = await ok<ExportProgress>(dispatch, 'export:next', { exportId: start.exportId });
    expect(step.chunk).toBeNull();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(target).buffer);
    const sheet = workbook.getWorksheet('Responses');
    expect(sheet?.rowCount).toBe(start.total + 1);
    expect(sheet?.getRow(2).getCell(2).value).toBeInstanceOf(Date);
    expect(readdirSync(dir)).toEqual(['responses.xlsx']);
  });

  it('can be cancelled between chunks, leaving no file and no audit record', async () => {
    const dir = tempDir('loopdesk-export-cancel-');
    let audited = 0;
    const dispatch = table(
      new ExportService({
        database: () => client,
        chooseExportPath: () => Promise.resolve(path.join(dir, 'big.csv')),
        onAudited: () => (audited += 1),
        now: () => NOW,
      }),
    );
    const start = await ok<{ exportId: string }>(dispatch, 'export:start', {
      source: { kind: 'queue', query: { filters: filtersWith({}), sort: DEFAULT_SORT } },
      format: 'csv',
      columns: ['response_id'],
      personalData: false,
    });
    await ok(dispatch, 'export:next', { exportId: start.exportId });
    expect(await ok(dispatch, 'export:cancel', { exportId: start.exportId })).toEqual({ cancelled: true });
    expect(readdirSync(dir)).toEqual([]);
    expect(audited).toBe(0);
    expect(await dispatch('export:next', { exportId: start.exportId })).toMatchObject({ ok: false });
  });
});

describe('Team tables', () => {
  it('export the KPIs as CSV and every table as one workbook', async () => {
    const dispatch = table(service());
    const { current, previous } = presetPeriods('last30days', NOW);
    const report = { period: current, previousPeriod: previous, filters: EMPTY_TEAM_FILTERS, granularity: 'week' };
    const csv = await download(dispatch, {
      source: { kind: 'team', report, table: 'kpis' },
      format: 'csv',
      columns: ['response_id'],
      personalData: false,
    });
    const [header, first] = Papa.parse<string[]>(csv.bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(header?.slice(0, 5)).toEqual([
      'Group',
      'Period from',
      'Period to',
      'Follow-ups due',
      'Closed-loop rate (%)',
    ]);
    expect(first?.[0]).toBe('My follow-ups');

    const xlsx = await download(dispatch, {
      source: { kind: 'team', report, table: null },
      format: 'xlsx',
      columns: ['response_id'],
      personalData: false,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['KPIs', 'Backlog', 'Score trends', 'Root causes']);
  });
});

describe('audit uplink', () => {
  /** Writes one pending record for `server` and returns its id. */
  async function pendingRecord(id: string): Promise<void> {
    await client.call('exportRecordAudit', {
      body: {
        export_id: id,
        exported_at: new Date(NOW).toISOString(),
        kind: 'queue',
        format: 'csv',
        filter: [],
        columns: ['response_id'],
        personal_data: false,
        row_count: 1,
      },
      staffId: null,
      server: 'demo',
      exportedAt: NOW,
    });
  }

  function reply(status: number, headers: Record<string, string> = {}): typeof fetch {
    return () =>
      Promise.resolve(
        new Response(JSON.stringify({ error: { code: 'x', message: `answered ${status}` } }), { status, headers }),
      );
  }

  it('keeps a record the server refuses, with its reason, and retries one it cannot take yet', async () => {
    await pendingRecord('refused-1');
    const refusing = new ExportAuditUplink({ database: () => client, fetch: reply(422), logError: () => undefined });
    refusing.connect({ baseUrl: 'http://127.0.0.1:9', token: 't' });
    await refusing.idle();
    refusing.close();
    const after = await client.call('exportPendingAudits', { server: 'demo', limit: 100 });
    expect(after.map((b) => b.export_id)).not.toContain('refused-1');
    expect((await client.call('exportAuditSummary', {})).refused).toBeGreaterThanOrEqual(1);

    await pendingRecord('busy-1');
    const busy = new ExportAuditUplink({
      database: () => client,
      fetch: reply(503, { 'retry-after': '3600' }),
      logError: () => undefined,
    });
    busy.connect({ baseUrl: 'http://127.0.0.1:9', token: 't' });
    await busy.idle();
    busy.close();
    const still = await client.call('exportPendingAudits', { server: 'demo', limit: 100 });
    expect(still.map((b) => b.export_id)).toContain('busy-1');
  });
});

describe('audit trail', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('records each export locally, and delivers it to the server once, after being offline', async () => {
    let online = false;
    const offlineFetch: typeof fetch = (input, init) =>
      online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed'));
    const uplink = new ExportAuditUplink({
      database: () => client,
      fetch: offlineFetch,
      logError: () => undefined,
      random: () => 0,
    });
    const dispatch = table(
      service(() => {
        uplink.nudge();
      }),
    );
    uplink.connect({ baseUrl: h.server.url, token: h.agent.token });
    const before = await client.call('exportAuditSummary', {});

    await download(dispatch, {
      source: { kind: 'queue', query: germanDetractors },
      format: 'csv',
      columns: ['response_id', 'respondent_email'],
      personalData: true,
    });
    await uplink.idle();
    const offline = await client.call('exportAuditSummary', {});
    expect(offline.pending).toBe(before.pending + 1);

    online = true;
    uplink.nudge();
    await uplink.idle();
    // Resending is harmless: the server keeps one entry per export id.
    uplink.nudge();
    await uplink.idle();
    const after = await client.call('exportAuditSummary', {});
    expect(after.pending).toBe(0);

    const audit = AuditReply.parse((await h.call('GET', '/v1/audit?limit=1000', { token: h.manager.token })).json);
    const exports = audit.entries.filter((e) => e.action === 'bulk_export' && e.actor_id === h.agent.id);
    expect(exports.length).toBeGreaterThanOrEqual(1);
    expect(exports.some((e) => e.details.personal_data === true && Array.isArray(e.details.columns))).toBe(true);
    const recorded = exports.find((e) => (e.details.columns as string[]).includes('respondent_email'));
    expect(recorded?.details.filter).toEqual(['band = ["negative"]', 'country = ["DE"]', 'sort = received desc']);
    uplink.close();
  });
});
