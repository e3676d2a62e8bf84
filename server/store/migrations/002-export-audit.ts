// Exports made by clients join the audit trail (POST /v1/audit/exports). Such an entry is
// about many respondents, so end_user_id becomes nullable (a STRICT table's NOT NULL cannot
// be altered: the table is rebuilt, keeping every row and its seq); and one entry per
// (staff member, export id), so that a client resending a queued record is harmless.
export const migration002 = {
  version: 2,
  name: 'export audit',
  sql: /* sql */ `
    CREATE TABLE audit_next (
      seq         INTEGER PRIMARY KEY,
      actor_id    TEXT NOT NULL,
      action      TEXT NOT NULL,
      end_user_id TEXT,
      at          TEXT NOT NULL,
      details     TEXT NOT NULL
    ) STRICT;
    INSERT INTO audit_next (seq, actor_id, action, end_user_id, at, details)
      SELECT seq, actor_id, action, end_user_id, at, details FROM audit;
    DROP TABLE audit;
    ALTER TABLE audit_next RENAME TO audit;
    CREATE INDEX audit_by_end_user ON audit (end_user_id);
    CREATE UNIQUE INDEX audit_export_id ON audit (actor_id, json_extract(details, '$.export_id'))
      WHERE action = 'bulk_export';
  `,
} as const;
