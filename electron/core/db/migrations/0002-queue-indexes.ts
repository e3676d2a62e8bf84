// The triage queue's access paths (electron/core/queue): every column the queue sorts by has
// an index that yields rows in that order with newest-first ties, so the first window of any
// sort is an index range scan rather than a sort of a million rows.
//
// - Generated columns give indexable names to derived values: the score band, a score
//   normalised across metrics (so "worst first" means the same for NPS 0–10 and CSAT 1–5),
//   the follow-up status's place in the lifecycle, a sort key for comments and whether
//   there is a comment at all.
// - last_contact_at copies the newest contact_log time onto the response (triggers).
// - queue_tags lists each response's tags together with its follow-up's (triggers), so that
//   a tag filter is an index lookup instead of parsing a million JSON arrays.
// The band and score thresholds are written out from common/domain/metrics.ts when this
// migration was released; they are part of its fixed text, like every migration's.
import { FOLLOWUP_STATUSES, OPEN_STATUSES } from '../../../../common/domain/followup-status.js';
import { BANDS, SCORE_SCALES, SURVEY_TYPES } from '../../../../common/domain/metrics.js';
import type { Migration } from './migration.js';

/** Normalised scores run 0…SCORE_RANK_MAX for every metric (60 divides 10, 6 and 4). */
export const SCORE_RANK_MAX = 60;

function bandSql(): string {
  const cases = SURVEY_TYPES.map((type) => {
    const s = SCORE_SCALES[type];
    return (
      `WHEN '${type}' THEN CASE WHEN score <= ${s.negativeMax} THEN ${BANDS.indexOf('negative')} ` +
      `WHEN score >= ${s.positiveMin} THEN ${BANDS.indexOf('positive')} ELSE ${BANDS.indexOf('neutral')} END`
    );
  });
  return `CASE survey_type ${cases.join(' ')} END`;
}

function scoreRankSql(): string {
  const cases = SURVEY_TYPES.map((type) => {
    const s = SCORE_SCALES[type];
    return `WHEN '${type}' THEN (score - ${s.min}) * ${SCORE_RANK_MAX / (s.max - s.min)}`;
  });
  return `CASE survey_type ${cases.join(' ')} END`;
}

function statusRankSql(): string {
  return `CASE status ${FOLLOWUP_STATUSES.map((status, i) => `WHEN '${status}' THEN ${i}`).join(' ')} END`;
}

/**
 * A list of statuses as SQL literals, in lifecycle order. SQLite uses a partial index only
 * when the query repeats its WHERE term verbatim, so the status filter writes its list the
 * same way (statuses are a closed enum, checked by the IPC schema, so literals are safe).
 */
export function statusListSql(statuses: readonly string[]): string {
  return `(${FOLLOWUP_STATUSES.filter((s) => statuses.includes(s))
    .map((s) => `'${s}'`)
    .join(', ')})`;
}

/** The open statuses; the open-follow-up indexes and the filters share it verbatim. */
export const OPEN_STATUS_LIST_SQL = statusListSql(OPEN_STATUSES);

/** Rebuilds one response's tag rows from the response and its follow-up. */
function refreshTags(rid: string, responseId: string): string {
  return `
  DELETE FROM queue_tags WHERE rid = ${rid};
  INSERT OR IGNORE INTO queue_tags (rid, tag)
    SELECT r.rid, t.value FROM responses r, json_each(r.tags) t WHERE r.rid = ${rid}
    UNION SELECT r.rid, t.value FROM responses r JOIN followups f ON f.response_id = r.id, json_each(f.tags) t
     WHERE r.id = ${responseId};`;
}

function refreshLastContact(responseId: string): string {
  return `
  UPDATE responses SET last_contact_at =
    (SELECT max(c.contacted_at) FROM followups f JOIN contact_log c ON c.followup_id = f.id WHERE f.response_id = ${responseId})
   WHERE id = ${responseId};`;
}

const SQL = `
ALTER TABLE responses ADD COLUMN band INTEGER GENERATED ALWAYS AS (${bandSql()}) VIRTUAL;
ALTER TABLE responses ADD COLUMN score_rank INTEGER GENERATED ALWAYS AS (${scoreRankSql()}) VIRTUAL;
ALTER TABLE responses ADD COLUMN status_rank INTEGER GENERATED ALWAYS AS (${statusRankSql()}) VIRTUAL;
-- The first characters, case-folded: enough to sort by, small enough to index. NULL means
-- "no comment" (none, or only blanks), which is what the has-comment filter tests.
ALTER TABLE responses ADD COLUMN comment_key TEXT GENERATED ALWAYS AS
  (CASE WHEN length(trim(text)) > 0 THEN lower(substr(trim(text), 1, 40)) END) VIRTUAL;
ALTER TABLE responses ADD COLUMN has_comment INTEGER GENERATED ALWAYS AS (comment_key IS NOT NULL) VIRTUAL;
ALTER TABLE responses ADD COLUMN last_contact_at INTEGER;

-- One index per sort column, (value, created_at DESC): read forwards it gives ascending
-- values with the newest first among equals; read backwards, the exact reverse. NULLs are
-- indexed too, so the NULL rows of a sort are one range of the same index.
CREATE INDEX responses_q_metric ON responses (survey_type, created_at DESC);
CREATE INDEX responses_q_score ON responses (score_rank, created_at DESC);
CREATE INDEX responses_q_band ON responses (band, created_at DESC);
CREATE INDEX responses_q_comment ON responses (comment_key, created_at DESC);
CREATE INDEX responses_q_product ON responses (product, created_at DESC);
CREATE INDEX responses_q_company ON responses (company, created_at DESC);
CREATE INDEX responses_q_country ON responses (country, created_at DESC);
CREATE INDEX responses_q_channel ON responses (channel, created_at DESC);
CREATE INDEX responses_q_language ON responses (language, created_at DESC);
CREATE INDEX responses_q_assignee ON responses (assignee_id, created_at DESC);
CREATE INDEX responses_q_status ON responses (status_rank, created_at DESC);
CREATE INDEX responses_q_due ON responses (due_at, created_at DESC);
CREATE INDEX responses_q_last_contact ON responses (last_contact_at, created_at DESC);
-- Every filterable column but the free-text ones, low-cardinality first: counts and facet
-- counts under any mix of filters read this index alone (skip-scanning the leading columns)
-- instead of a million table rows.
CREATE INDEX responses_q_cover ON responses (survey_type, band, channel, status, has_comment, language, country,
  product, assignee_id, score, company, due_at, created_at);
-- Open follow-ups by due time: the "Overdue" view, and the count on its badge; and one
-- person's open follow-ups by due time: "My follow-ups".
CREATE INDEX responses_q_open_due ON responses (due_at, created_at DESC)
  WHERE due_at IS NOT NULL AND status IN ${OPEN_STATUS_LIST_SQL};
CREATE INDEX responses_q_open_assignee_due ON responses (assignee_id, due_at, created_at DESC)
  WHERE status IN ${OPEN_STATUS_LIST_SQL};

CREATE TABLE queue_tags (
  rid INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (rid, tag)
) WITHOUT ROWID;
CREATE INDEX queue_tags_tag ON queue_tags (tag, rid);

CREATE TRIGGER queue_response_insert AFTER INSERT ON responses BEGIN
  INSERT OR IGNORE INTO queue_tags (rid, tag) SELECT NEW.rid, value FROM json_each(NEW.tags);
  INSERT OR IGNORE INTO queue_tags (rid, tag)
    SELECT NEW.rid, t.value FROM followups f, json_each(f.tags) t WHERE f.response_id = NEW.id;
  UPDATE responses SET last_contact_at =
    (SELECT max(c.contacted_at) FROM followups f JOIN contact_log c ON c.followup_id = f.id WHERE f.response_id = NEW.id)
   WHERE rid = NEW.rid AND EXISTS (SELECT 1 FROM followups WHERE response_id = NEW.id);
END;
CREATE TRIGGER queue_response_tags AFTER UPDATE OF tags ON responses WHEN OLD.tags IS NOT NEW.tags BEGIN
  ${refreshTags('NEW.rid', 'NEW.id')}
END;
CREATE TRIGGER queue_response_delete AFTER DELETE ON responses BEGIN
  DELETE FROM queue_tags WHERE rid = OLD.rid;
END;

CREATE TRIGGER queue_followup_insert AFTER INSERT ON followups BEGIN
  ${refreshTags('(SELECT rid FROM responses WHERE id = NEW.response_id)', 'NEW.response_id')}
  ${refreshLastContact('NEW.response_id')}
END;
CREATE TRIGGER queue_followup_tags AFTER UPDATE OF tags, response_id ON followups
  WHEN OLD.tags IS NOT NEW.tags OR OLD.response_id IS NOT NEW.response_id
BEGIN
  ${refreshTags('(SELECT rid FROM responses WHERE id = OLD.response_id)', 'OLD.response_id')}
  ${refreshTags('(SELECT rid FROM responses WHERE id = NEW.response_id)', 'NEW.response_id')}
  ${refreshLastContact('OLD.response_id')}
  ${refreshLastContact('NEW.response_id')}
END;
CREATE TRIGGER queue_followup_delete AFTER DELETE ON followups BEGIN
  ${refreshTags('(SELECT rid FROM responses WHERE id = OLD.response_id)', 'OLD.response_id')}
  UPDATE responses SET last_contact_at = NULL WHERE id = OLD.response_id;
END;

CREATE TRIGGER queue_contact_insert AFTER INSERT ON contact_log BEGIN
  UPDATE responses SET last_contact_at = max(coalesce(last_contact_at, NEW.contacted_at), NEW.contacted_at)
   WHERE id = (SELECT response_id FROM followups WHERE id = NEW.followup_id);
END;
CREATE TRIGGER queue_contact_delete AFTER DELETE ON contact_log BEGIN
  ${refreshLastContact('(SELECT response_id FROM followups WHERE id = OLD.followup_id)')}
END;

-- Profiles that already hold data.
INSERT OR IGNORE INTO queue_tags (rid, tag) SELECT r.rid, t.value FROM responses r, json_each(r.tags) t;
INSERT OR IGNORE INTO queue_tags (rid, tag)
  SELECT r.rid, t.value FROM responses r JOIN followups f ON f.response_id = r.id, json_each(f.tags) t;
UPDATE responses SET last_contact_at = c.at
  FROM (SELECT f.response_id, max(c.contacted_at) AS at FROM followups f JOIN contact_log c ON c.followup_id = f.id
        GROUP BY f.response_id) AS c
 WHERE responses.id = c.response_id;
`;

export const queueIndexes: Migration = {
  version: 2,
  name: 'queue indexes',
  up(db) {
    db.exec(SQL);
  },
};
