// The local audit trail of exports (export_audit, migration 0003) and its outbox to the
// server: written in the same worker as the data, with synchronous=FULL, so that an export
// the user has is never missing from the record; sent by audit-uplink.ts until accepted.
import { z } from 'zod';
import { ExportAuditBody } from '../../../common/api/export-audit.js';
import { runWithFullSync } from '../db/pragmas.js';
import type { Db } from '../db/sqlite.js';
import { prepareCached } from '../db/statement-cache.js';

export interface ExportAuditRecord {
  readonly body: ExportAuditBody;
  readonly staffId: string | null;
  /** serverIdentity() of the data source the export read. */
  readonly server: string;
  readonly exportedAt: number;
}

interface AuditRow {
  readonly id: string;
  readonly kind: string;
  readonly format: string;
  readonly filter: string;
  readonly columns: string;
  readonly personal_data: number;
  readonly row_count: number;
  readonly exported_at: number;
  readonly response_ids: string | null;
}

export function recordExportAudit(db: Db, record: ExportAuditRecord): void {
  const { body } = record;
  runWithFullSync(db, () => {
    prepareCached(
      db,
      `INSERT INTO export_audit (id, staff_id, server, exported_at, kind, format, filter, columns, personal_data,
         row_count, response_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      body.export_id,
      record.staffId,
      record.server,
      record.exportedAt,
      body.kind,
      body.format,
      JSON.stringify(body.filter),
      JSON.stringify(body.columns),
      body.personal_data ? 1 : 0,
      body.row_count,
      body.response_ids === undefined ? null : JSON.stringify(body.response_ids),
    );
  });
}

/** The oldest records not yet accepted by `server`, as request bodies. */
export function pendingExportAudits(db: Db, server: string, limit: number): ExportAuditBody[] {
  const rows = prepareCached(
    db,
    `SELECT id, kind, format, filter, columns, personal_data, row_count, exported_at, response_ids FROM export_audit
      WHERE state = 'pending' AND server = ? ORDER BY exported_at, id LIMIT ?`,
  ).all(server, limit) as AuditRow[];
  return rows.map((row) =>
    ExportAuditBody.parse({
      export_id: row.id,
      exported_at: new Date(row.exported_at).toISOString(),
      kind: row.kind,
      format: row.format,
      filter: JSON.parse(row.filter) as unknown,
      columns: JSON.parse(row.columns) as unknown,
      personal_data: row.personal_data === 1,
      row_count: row.row_count,
      ...(row.response_ids === null ? {} : { response_ids: JSON.parse(row.response_ids) as unknown }),
    }),
  );
}

export const AuditOutcome = z.enum(['sent', 'retry', 'refused']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** sent: the server has it; refused: it never will (kept here, with why); retry: try again later. */
export function settleExportAudit(db: Db, id: string, outcome: AuditOutcome, at: number, error: string | null): void {
  prepareCached(
    db,
    `UPDATE export_audit SET attempts = attempts + 1, last_error = ?,
       state = CASE ? WHEN 'sent' THEN 'sent' WHEN 'refused' THEN 'refused' ELSE state END,
       sent_at = CASE ? WHEN 'sent' THEN ? ELSE sent_at END
     WHERE id = ?`,
  ).run(error, outcome, outcome, at, id);
}

export interface ExportAuditSummary {
  readonly pending: number;
  readonly sent: number;
  readonly refused: number;
}

export function exportAuditSummary(db: Db): ExportAuditSummary {
  const row = prepareCached(
    db,
    `SELECT coalesce(sum(state = 'pending'), 0) AS pending, coalesce(sum(state = 'sent'), 0) AS sent,
            coalesce(sum(state = 'refused'), 0) AS refused FROM export_audit`,
  ).get() as ExportAuditSummary;
  return row;
}
