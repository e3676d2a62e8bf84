// Exports' operations for the database worker's registry (db/worker/operations.ts): rows a
// chunk at a time, and the audit trail with its outbox to the server.
import type { Db } from '../db/sqlite.js';
import { readMe } from '../queue/queue-context.js';
import {
  exportAuditSummary,
  pendingExportAudits,
  recordExportAudit,
  settleExportAudit,
  type AuditOutcome,
  type ExportAuditRecord,
} from './export-audit-store.js';
import {
  countQueueExport,
  countSelectionExport,
  readQueueChunk,
  readSelectionChunk,
  type QueueChunkArgs,
  type SelectionChunkArgs,
} from './read-export-rows.js';
import type { QueueQuery } from '../../../common/queue/query.js';

export const EXPORT_OPERATIONS = {
  exportCountQueue: (db: Db, args: { readonly query: QueueQuery; readonly now: number }) =>
    countQueueExport(db, args.query, args.now),
  exportCountSelection: (db: Db, args: { readonly ids: readonly string[] }) => countSelectionExport(db, args.ids),
  exportQueueChunk: (db: Db, args: QueueChunkArgs) => readQueueChunk(db, args),
  exportSelectionChunk: (db: Db, args: SelectionChunkArgs) => readSelectionChunk(db, args),
  /** Who exports: the signed-in staff member (sync_state 'me'), null before sync knows. */
  exportSignedIn: (db: Db, _args: Readonly<Record<string, never>>) => readMe(db),
  exportRecordAudit: (db: Db, args: ExportAuditRecord) => {
    recordExportAudit(db, args);
    return null;
  },
  exportPendingAudits: (db: Db, args: { readonly server: string; readonly limit: number }) =>
    pendingExportAudits(db, args.server, args.limit),
  exportSettleAudit: (
    db: Db,
    args: { readonly id: string; readonly outcome: AuditOutcome; readonly at: number; readonly error: string | null },
  ) => {
    settleExportAudit(db, args.id, args.outcome, args.at, args.error);
    return null;
  },
  exportAuditSummary: (db: Db, _args: Readonly<Record<string, never>>) => exportAuditSummary(db),
} satisfies Readonly<Record<string, (db: Db, args: never) => unknown>>;
