// Team-wide settings that the server applies itself, beginning with the SLA policy
// (GET / PUT /v1/sla-policy). One row per setting, with who set it and when; no row means the
// built-in default. Settings are about the team, never about a respondent: no foreign key to
// personal data, nothing for an erasure to remove.
export const migration003 = {
  version: 3,
  name: 'team settings',
  sql: /* sql */ `
    CREATE TABLE team_settings (
      key        TEXT PRIMARY KEY,
      value      TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT;
  `,
} as const;
