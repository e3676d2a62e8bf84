// The first schema. Personal data hangs off `respondents` with ON DELETE CASCADE so that
// erasure is one DELETE; the audit trail deliberately has no foreign key so that it
// outlives the data it is about.
export const migration001 = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE staff (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      email      TEXT NOT NULL,
      role       TEXT NOT NULL CHECK (role IN ('agent', 'manager')),
      active     INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    ) STRICT;

    -- Bearer tokens are high-entropy random strings, so a plain SHA-256 is enough to make
    -- a stolen database useless for signing in (no salt or slow KDF needed).
    CREATE TABLE tokens (
      hash       TEXT PRIMARY KEY,
      kind       TEXT NOT NULL CHECK (kind IN ('staff', 'ingest')),
      staff_id   TEXT REFERENCES staff(id),
      label      TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT,
      CHECK ((kind = 'staff') = (staff_id IS NOT NULL))
    ) STRICT;

    CREATE TABLE respondents (
      id          TEXT PRIMARY KEY,
      email       TEXT,
      external_id TEXT,
      name        TEXT,
      phone       TEXT,
      properties  TEXT NOT NULL,
      restricted  INTEGER NOT NULL,
      objected    INTEGER NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX respondents_by_external_id ON respondents (external_id) WHERE external_id IS NOT NULL;
    CREATE INDEX respondents_by_email ON respondents (lower(email)) WHERE email IS NOT NULL;

    CREATE TABLE responses (
      id          TEXT PRIMARY KEY,
      end_user_id TEXT NOT NULL REFERENCES respondents(id) ON DELETE CASCADE,
      survey_type TEXT NOT NULL,
      score       INTEGER NOT NULL,
      text        TEXT,
      origin_url  TEXT,
      channel     TEXT NOT NULL,
      product     TEXT NOT NULL,
      company     TEXT,
      country     TEXT,
      language    TEXT,
      tags        TEXT NOT NULL,
      excluded    INTEGER NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      -- SHA-256 of the ingested body, to tell an idempotent retry from a conflicting reuse.
      ingest_hash TEXT
    ) STRICT;
    CREATE INDEX responses_by_end_user ON responses (end_user_id);

    CREATE TABLE declines (
      id          TEXT PRIMARY KEY,
      end_user_id TEXT NOT NULL REFERENCES respondents(id) ON DELETE CASCADE,
      survey_type TEXT NOT NULL,
      channel     TEXT NOT NULL,
      product     TEXT NOT NULL,
      origin_url  TEXT,
      created_at  TEXT NOT NULL,
      ingest_hash TEXT
    ) STRICT;
    CREATE INDEX declines_by_end_user ON declines (end_user_id);

    CREATE TABLE followups (
      id               TEXT PRIMARY KEY,
      response_id      TEXT NOT NULL UNIQUE REFERENCES responses(id) ON DELETE CASCADE,
      end_user_id      TEXT NOT NULL,
      status           TEXT NOT NULL,
      assignee_id      TEXT,
      priority         TEXT NOT NULL,
      due_at           TEXT,
      first_contact_at TEXT,
      done_at          TEXT,
      informed_at      TEXT,
      closed_reason    TEXT,
      action_summary   TEXT,
      root_causes      TEXT NOT NULL,
      tags             TEXT NOT NULL,
      version          INTEGER NOT NULL,
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX followups_by_end_user ON followups (end_user_id);

    CREATE TABLE followup_events (
      id          TEXT PRIMARY KEY,
      followup_id TEXT NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
      actor_id    TEXT NOT NULL,
      at          TEXT NOT NULL,
      data        TEXT NOT NULL
    ) STRICT;
    CREATE INDEX followup_events_by_followup ON followup_events (followup_id);

    CREATE TABLE notes (
      id          TEXT PRIMARY KEY,
      followup_id TEXT NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
      author_id   TEXT NOT NULL,
      text        TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX notes_by_followup ON notes (followup_id);

    CREATE TABLE contacts (
      id           TEXT PRIMARY KEY,
      followup_id  TEXT NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
      actor_id     TEXT NOT NULL,
      channel      TEXT NOT NULL,
      direction    TEXT NOT NULL,
      outcome      TEXT NOT NULL,
      note         TEXT NOT NULL,
      contacted_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX contacts_by_followup ON contacts (followup_id);

    CREATE TABLE notifications (
      id          TEXT PRIMARY KEY,
      followup_id TEXT NOT NULL REFERENCES followups(id) ON DELETE CASCADE,
      response_id TEXT NOT NULL,
      end_user_id TEXT NOT NULL,
      sent_by     TEXT NOT NULL,
      to_email    TEXT,
      message     TEXT NOT NULL,
      language    TEXT,
      created_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX notifications_by_end_user ON notifications (end_user_id);

    CREATE TABLE audit (
      seq         INTEGER PRIMARY KEY,
      actor_id    TEXT NOT NULL,
      action      TEXT NOT NULL,
      end_user_id TEXT NOT NULL,
      at          TEXT NOT NULL,
      details     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX audit_by_end_user ON audit (end_user_id);

    -- Push idempotency: the last id per client and the payload hash of every id seen, written
    -- in the same transaction as the mutation's effects.
    CREATE TABLE client_mutations (
      client_id        TEXT PRIMARY KEY,
      last_mutation_id INTEGER NOT NULL,
      staff_id         TEXT NOT NULL,
      updated_at       TEXT NOT NULL
    ) STRICT;
    CREATE TABLE mutation_hashes (
      client_id    TEXT NOT NULL,
      mutation_id  INTEGER NOT NULL,
      payload_hash TEXT NOT NULL,
      PRIMARY KEY (client_id, mutation_id)
    ) STRICT, WITHOUT ROWID;

    -- The change feed. AUTOINCREMENT so that a sequence number is never reused, even when
    -- the newest change is compacted away. One row per record key (the latest change).
    CREATE TABLE changes (
      seq         INTEGER PRIMARY KEY AUTOINCREMENT,
      record_key  TEXT NOT NULL UNIQUE,
      kind        TEXT NOT NULL,
      end_user_id TEXT,
      payload     TEXT NOT NULL,
      written_at  INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX changes_by_end_user ON changes (end_user_id) WHERE end_user_id IS NOT NULL;
    CREATE INDEX changes_tombstones ON changes (written_at) WHERE kind = 'erasure';
  `,
} as const;
