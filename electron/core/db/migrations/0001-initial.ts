// The local schema, derived from the records of common/api/records.ts. Conventions:
// timestamps are INTEGER epoch milliseconds (integer comparisons sort a million rows far
// faster than ISO strings); booleans are 0/1; lists and maps are JSON text. Synced tables
// carry no foreign keys between each other, because the change feed does not promise that a
// response arrives before its respondent; the server is the source of truth for integrity.
import type { Migration } from './migration.js';

const SQL = `
CREATE TABLE respondents (
  id TEXT PRIMARY KEY,
  email TEXT,
  external_id TEXT,
  name TEXT,
  phone TEXT,
  properties TEXT NOT NULL DEFAULT '{}',
  restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
  objected INTEGER NOT NULL DEFAULT 0 CHECK (objected IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Privacy requests arrive by e-mail address or by the customer's own id.
CREATE INDEX respondents_email ON respondents (email) WHERE email IS NOT NULL;
CREATE INDEX respondents_external_id ON respondents (external_id) WHERE external_id IS NOT NULL;

CREATE TABLE responses (
  -- A stable integer rowid for the external-content FTS table: an implicit rowid may be
  -- renumbered by VACUUM, which would silently detach the full-text index from its rows.
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  end_user_id TEXT NOT NULL,
  survey_type TEXT NOT NULL,
  score INTEGER NOT NULL,
  text TEXT,
  origin_url TEXT,
  channel TEXT NOT NULL,
  product TEXT NOT NULL,
  company TEXT,
  country TEXT,
  language TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  excluded_from_calculations INTEGER NOT NULL DEFAULT 0 CHECK (excluded_from_calculations IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- Copies of the follow-up's triage fields, kept in step by the triggers below, so that
  -- the queue filters and sorts one table through one index instead of joining a million
  -- rows. A response without a follow-up is 'new' and unassigned.
  status TEXT NOT NULL DEFAULT 'new',
  assignee_id TEXT,
  priority TEXT,
  due_at INTEGER
);
-- The triage queue: newest first, optionally filtered by status, assignee, metric and score.
CREATE INDEX responses_created ON responses (created_at);
CREATE INDEX responses_status_created ON responses (status, created_at);
CREATE INDEX responses_assignee_created ON responses (assignee_id, created_at);
CREATE INDEX responses_metric_score_created ON responses (survey_type, score, created_at);
CREATE INDEX responses_end_user ON responses (end_user_id);

CREATE TABLE declines (
  id TEXT PRIMARY KEY,
  end_user_id TEXT NOT NULL,
  survey_type TEXT NOT NULL,
  channel TEXT NOT NULL,
  product TEXT NOT NULL,
  origin_url TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX declines_end_user ON declines (end_user_id);
CREATE INDEX declines_created ON declines (created_at);

CREATE TABLE followups (
  id TEXT PRIMARY KEY,
  response_id TEXT NOT NULL UNIQUE,
  end_user_id TEXT NOT NULL,
  status TEXT NOT NULL,
  assignee_id TEXT,
  priority TEXT NOT NULL,
  due_at INTEGER,
  first_contact_at INTEGER,
  done_at INTEGER,
  informed_at INTEGER,
  closed_reason TEXT,
  action_summary TEXT,
  root_causes TEXT NOT NULL DEFAULT '[]',
  tags TEXT NOT NULL DEFAULT '[]',
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX followups_end_user ON followups (end_user_id);
-- Managers review follow-ups by assignee and status; SLA views look for open ones due soon.
CREATE INDEX followups_assignee_status ON followups (assignee_id, status);
CREATE INDEX followups_status_due ON followups (status, due_at);

CREATE TRIGGER followups_triage_insert AFTER INSERT ON followups BEGIN
  UPDATE responses
     SET status = NEW.status, assignee_id = NEW.assignee_id, priority = NEW.priority, due_at = NEW.due_at
   WHERE id = NEW.response_id;
END;
CREATE TRIGGER followups_triage_update AFTER UPDATE ON followups
  WHEN OLD.status IS NOT NEW.status OR OLD.assignee_id IS NOT NEW.assignee_id
    OR OLD.priority IS NOT NEW.priority OR OLD.due_at IS NOT NEW.due_at OR OLD.response_id IS NOT NEW.response_id
BEGIN
  UPDATE responses SET status = 'new', assignee_id = NULL, priority = NULL, due_at = NULL
   WHERE id = OLD.response_id AND OLD.response_id IS NOT NEW.response_id;
  UPDATE responses
     SET status = NEW.status, assignee_id = NEW.assignee_id, priority = NEW.priority, due_at = NEW.due_at
   WHERE id = NEW.response_id;
END;
CREATE TRIGGER followups_triage_delete AFTER DELETE ON followups BEGIN
  UPDATE responses SET status = 'new', assignee_id = NULL, priority = NULL, due_at = NULL
   WHERE id = OLD.response_id;
END;
-- The feed may deliver a follow-up before its response.
CREATE TRIGGER responses_triage_insert AFTER INSERT ON responses
  WHEN EXISTS (SELECT 1 FROM followups WHERE response_id = NEW.id)
BEGIN
  UPDATE responses
     SET (status, assignee_id, priority, due_at) =
         (SELECT status, assignee_id, priority, due_at FROM followups WHERE response_id = NEW.id)
   WHERE rid = NEW.rid;
END;

-- The audit trail, as the server wrote it; data is the event's JSON payload.
CREATE TABLE followup_events (
  id TEXT PRIMARY KEY,
  followup_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX followup_events_followup_at ON followup_events (followup_id, at);

-- Projections of the events, for the follow-up panel and exports.
CREATE TABLE contact_log (
  id TEXT PRIMARY KEY,
  followup_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  direction TEXT NOT NULL,
  outcome TEXT NOT NULL,
  note TEXT NOT NULL,
  contacted_at INTEGER NOT NULL,
  logged_at INTEGER NOT NULL
);
CREATE INDEX contact_log_followup ON contact_log (followup_id, contacted_at);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  followup_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  edited_at INTEGER,
  edited_by TEXT
);
CREATE INDEX notes_followup ON notes (followup_id, created_at);

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1))
);

-- Every root cause seen on a follow-up, for suggestions when marking one done.
CREATE TABLE root_cause_tags (
  tag TEXT PRIMARY KEY,
  first_used_at INTEGER NOT NULL
);

-- The client's mutation queue. AUTOINCREMENT, because a mutation id must never be reused,
-- even after the newest rows were sent and deleted. response_id is copied out of args so an
-- erasure can find the pending edits about the erased respondent.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  args TEXT NOT NULL,
  response_id TEXT,
  created_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX outbox_response ON outbox (response_id);
CREATE INDEX outbox_state ON outbox (state, id);

-- Sync bookkeeping: cursor, client_id, last_mutation_id… Values are JSON.
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Records of the feed that failed validation, kept for diagnosis instead of blocking sync.
-- end_user_id, when it could be read, lets an erasure purge them too.
CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT,
  record_id TEXT,
  end_user_id TEXT,
  payload TEXT NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at INTEGER NOT NULL
);
CREATE INDEX quarantine_end_user ON quarantine (end_user_id) WHERE end_user_id IS NOT NULL;

-- Respondents erased by the server. Holds the identifier only; it stops a replayed page from
-- bringing back records that the erasure covered.
CREATE TABLE erasures (
  end_user_id TEXT PRIMARY KEY,
  erased_at INTEGER NOT NULL
);

-- Preferences of this install. Values are JSON.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Full-text search over comments. External content (the text lives once, in responses);
-- diacritics folded so "creme" finds "crème"; prefix indexes for search-as-you-type.
CREATE VIRTUAL TABLE responses_fts USING fts5 (
  text,
  content = 'responses',
  content_rowid = 'rid',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
-- Deleted comments are removed from the index itself, not just marked deleted, so an
-- erased comment's words do not linger in the index b-tree.
INSERT INTO responses_fts (responses_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER responses_fts_insert AFTER INSERT ON responses WHEN NEW.text IS NOT NULL BEGIN
  INSERT INTO responses_fts (rowid, text) VALUES (NEW.rid, NEW.text);
END;
CREATE TRIGGER responses_fts_delete AFTER DELETE ON responses WHEN OLD.text IS NOT NULL BEGIN
  INSERT INTO responses_fts (responses_fts, rowid, text) VALUES ('delete', OLD.rid, OLD.text);
END;
CREATE TRIGGER responses_fts_update AFTER UPDATE OF text ON responses WHEN OLD.text IS NOT NEW.text BEGIN
  INSERT INTO responses_fts (responses_fts, rowid, text) SELECT 'delete', OLD.rid, OLD.text WHERE OLD.text IS NOT NULL;
  INSERT INTO responses_fts (rowid, text) SELECT NEW.rid, NEW.text WHERE NEW.text IS NOT NULL;
END;
`;

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(SQL);
  },
};
