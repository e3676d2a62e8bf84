// What the action dialogs need about the follow-ups they act on — one, or the queue's
// selection for bulk assignment: status, assignee, tags, the gate, the respondent's name
// and language. A response without a follow-up reads as new and unassigned.
import type { FollowupTarget } from '../../../common/ipc/channels/followups.js';
import type { FollowupStatus } from '../../../common/domain/followup-status.js';
import { bandOf, type SurveyType } from '../../../common/domain/metrics.js';
import { EXCERPT_CHARS } from '../../../common/queue/row.js';
import { prepareCached } from '../db/statement-cache.js';
import type { Db } from '../db/sqlite.js';
import { gateColumns, notContactableReason, type RespondentGateRow } from './respondent-gate.js';

interface TargetRow extends RespondentGateRow {
  readonly id: string;
  readonly survey_type: SurveyType;
  readonly score: number;
  readonly language: string | null;
  readonly excerpt: string | null;
  readonly status: FollowupStatus | null;
  readonly assignee_id: string | null;
  readonly tags: string | null;
  readonly name: string | null;
  readonly external_id: string | null;
  readonly respondent_email: string | null;
  readonly end_user_id: string;
}

const SELECT = `
SELECT r.id, r.end_user_id, r.survey_type, r.score, r.language, substr(r.text, 1, ${EXCERPT_CHARS}) AS excerpt,
       f.status, f.assignee_id, f.tags, p.name, p.external_id, p.email AS respondent_email,
       ${gateColumns('r.end_user_id')}
  FROM json_each(?) AS wanted
  JOIN responses r ON r.id = wanted.value
  LEFT JOIN followups f ON f.response_id = r.id
  LEFT JOIN respondents p ON p.id = r.end_user_id
 ORDER BY wanted.key`;

/** In the order asked; responses no longer in the cache are left out. */
export function readTargets(db: Db, responseIds: readonly string[]): FollowupTarget[] {
  const rows = prepareCached(db, SELECT).all(JSON.stringify(responseIds)) as TargetRow[];
  return rows.map((row) => ({
    responseId: row.id,
    respondentName: row.name,
    respondentLabel: row.name ?? row.external_id ?? row.respondent_email ?? row.end_user_id,
    surveyType: row.survey_type,
    score: row.score,
    band: bandOf(row.survey_type, row.score),
    language: row.language,
    excerpt: row.excerpt,
    status: row.status ?? 'new',
    assigneeId: row.assignee_id,
    tags: row.tags === null ? [] : (JSON.parse(row.tags) as string[]),
    hasFollowup: row.status !== null,
    notContactable: notContactableReason(row),
  }));
}
