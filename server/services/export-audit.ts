// POST /v1/audit/exports: a client's export, written to the audit trail as the staff member
// whose token sent it. The record is idempotent by (staff member, export_id): a client that
// lost the reply sends it again and gets the entry already written, not a second one.
import type { ExportAuditBody, ExportAuditReply } from '../../common/api/export-audit.js';
import type { AuditEntry } from '../../common/api/privacy.js';
import type { Staff } from '../../common/api/records.js';
import type { Store } from '../store/store.js';
import { readJson } from '../store/json-columns.js';
import { iso } from './clock.js';

interface AuditRow {
  readonly seq: number;
  readonly actor_id: string;
  readonly at: string;
  readonly details: string;
}

function recorded(store: Store, actorId: string, exportId: string): AuditEntry | null {
  const row = store.db
    .prepare<[string, string], AuditRow>(
      `SELECT seq, actor_id, at, details FROM audit
        WHERE action = 'bulk_export' AND actor_id = ? AND json_extract(details, '$.export_id') = ?`,
    )
    .get(actorId, exportId);
  if (row === undefined) return null;
  return {
    id: `au_${row.seq}`,
    actor_id: row.actor_id,
    action: 'bulk_export',
    end_user_id: null,
    at: row.at,
    details: readJson<AuditEntry['details']>(row.details),
  };
}

export function recordExport(
  store: Store,
  actor: Staff,
  body: ExportAuditBody,
  now: Date,
): { readonly reply: ExportAuditReply; readonly created: boolean } {
  return store.write(() => {
    const existing = recorded(store, actor.id, body.export_id);
    if (existing !== null) return { reply: { entry: existing }, created: false };
    // When the client exported, in the details; `at` is when the server learnt of it.
    const { response_ids, ...rest } = body;
    const details: AuditEntry['details'] = { ...rest, ...(response_ids === undefined ? {} : { response_ids }) };
    store.audit.record(actor.id, 'bulk_export', null, iso(now), details);
    const entry = recorded(store, actor.id, body.export_id);
    if (entry === null) throw new Error('the export audit entry was not written');
    return { reply: { entry }, created: true };
  });
}
