// The Team view's access paths (electron/core/team) and the local record of exports
// (electron/core/export).
//
// - first_contact_at and done_at are copied from the follow-up onto its response (triggers),
//   like status, assignee and due time already are (0001), and the durations the KPIs take
//   medians of are generated from them. The closed-loop KPIs then read the responses
//   table, with the queue's own filter code, instead of joining 200,000 follow-ups to a
//   million responses.
// - Every report reads a covering index in an order that needs no sort: SQLite's sorter
//   costs about a microsecond a row, so grouping or ordering a year of rows (~300,000)
//   would take the Team view past its 200 ms budget on its own. Hence:
//   · responses_team_followups (assignee, status, due, …, durations): the backlog, and the
//     KPIs of a due period — one index range per (assignee, status) pair, which counts and
//     gathers the durations in the same pass.
//   · responses_team_scores (metric, score, received, …): each count of a trend (bucket ×
//     score) is one index range; a breakdown groups that range's few rows.
//   · responses_team_done and followups_team_root_causes: loops closed in a period and
//     their causes.
// - export_audit: every export, who/when/which filter/which columns, kept on this install
//   and queued for the server (POST /v1/audit/exports) until it has been accepted.
import type { Migration } from './migration.js';

const SQL = `
ALTER TABLE responses ADD COLUMN first_contact_at INTEGER;
ALTER TABLE responses ADD COLUMN done_at INTEGER;
-- Clock skew can put a contact before the response: such a duration counts as 0.
ALTER TABLE responses ADD COLUMN first_contact_ms INTEGER GENERATED ALWAYS AS
  (CASE WHEN first_contact_at IS NOT NULL THEN max(0, first_contact_at - created_at) END) VIRTUAL;
-- Reopening a follow-up clears done_at, so a duration here is always that of a closed loop.
ALTER TABLE responses ADD COLUMN done_ms INTEGER GENERATED ALWAYS AS
  (CASE WHEN done_at IS NOT NULL THEN max(0, done_at - created_at) END) VIRTUAL;

CREATE TRIGGER team_followup_insert AFTER INSERT ON followups
  WHEN NEW.first_contact_at IS NOT NULL OR NEW.done_at IS NOT NULL
BEGIN
  UPDATE responses SET first_contact_at = NEW.first_contact_at, done_at = NEW.done_at WHERE id = NEW.response_id;
END;
CREATE TRIGGER team_followup_update AFTER UPDATE OF first_contact_at, done_at, response_id ON followups
  WHEN OLD.first_contact_at IS NOT NEW.first_contact_at OR OLD.done_at IS NOT NEW.done_at
    OR OLD.response_id IS NOT NEW.response_id
BEGIN
  UPDATE responses SET first_contact_at = NULL, done_at = NULL
   WHERE id = OLD.response_id AND OLD.response_id IS NOT NEW.response_id;
  UPDATE responses SET first_contact_at = NEW.first_contact_at, done_at = NEW.done_at WHERE id = NEW.response_id;
END;
CREATE TRIGGER team_followup_delete AFTER DELETE ON followups
  WHEN OLD.first_contact_at IS NOT NULL OR OLD.done_at IS NOT NULL
BEGIN
  UPDATE responses SET first_contact_at = NULL, done_at = NULL WHERE id = OLD.response_id;
END;
-- The feed may deliver a follow-up before its response.
CREATE TRIGGER team_response_insert AFTER INSERT ON responses
  WHEN EXISTS (SELECT 1 FROM followups WHERE response_id = NEW.id
                AND (first_contact_at IS NOT NULL OR done_at IS NOT NULL))
BEGIN
  UPDATE responses SET (first_contact_at, done_at) =
         (SELECT first_contact_at, done_at FROM followups WHERE response_id = NEW.id)
   WHERE rid = NEW.rid;
END;

-- Profiles that already hold data (before the indexes, which are then built once).
UPDATE responses SET first_contact_at = f.first_contact_at, done_at = f.done_at
  FROM followups f
 WHERE f.response_id = responses.id AND (f.first_contact_at IS NOT NULL OR f.done_at IS NOT NULL);

-- Responses with a follow-up: assigned, or with a due time (see common/team/backlog.ts).
CREATE INDEX responses_team_followups ON responses (assignee_id, status, due_at, survey_type, product, country,
  channel, first_contact_at, first_contact_ms, done_ms) WHERE assignee_id IS NOT NULL OR due_at IS NOT NULL;
CREATE INDEX responses_team_scores ON responses (survey_type, score, created_at, product, country, channel)
  WHERE excluded_from_calculations = 0;
CREATE INDEX responses_team_done ON responses (done_at, survey_type, product, country, channel, id)
  WHERE done_at IS NOT NULL;
CREATE INDEX followups_team_root_causes ON followups (response_id, root_causes) WHERE root_causes <> '[]';

CREATE TABLE export_audit (
  -- Made by this install; the server's idempotency key, so a resent record is recorded once.
  id TEXT PRIMARY KEY,
  staff_id TEXT,
  -- The server the exported data came from (connection-config serverIdentity): the record
  -- is sent there and nowhere else.
  server TEXT NOT NULL,
  exported_at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  format TEXT NOT NULL,
  -- JSON: the filter as readable clauses, the column ids, and a selection's response ids.
  filter TEXT NOT NULL,
  columns TEXT NOT NULL,
  response_ids TEXT,
  personal_data INTEGER NOT NULL CHECK (personal_data IN (0, 1)),
  row_count INTEGER NOT NULL,
  -- pending → sent; or refused, when the server answered that it will never take it.
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'refused')),
  sent_at INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX export_audit_pending ON export_audit (server, exported_at) WHERE state = 'pending';

`;

export const teamReports: Migration = {
  version: 3,
  name: 'team reports',
  up(db) {
    db.exec(SQL);
  },
};
