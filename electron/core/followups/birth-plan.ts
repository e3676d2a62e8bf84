// Follow-ups born on this install follow the team's SLA policy: for each response that has
// no follow-up yet, the set_due / set_priority to send right after the mutation that will
// create it (common/followups/sla-policy.ts explains why it is done with mutations).
import { policyCorrections, type PolicyCorrections } from '../../../common/followups/sla-policy.js';
import type { SurveyType } from '../../../common/domain/metrics.js';
import { toInstant } from '../db/codec.js';
import { prepareCached } from '../db/statement-cache.js';
import type { Db } from '../db/sqlite.js';
import { readSlaPolicy } from './followup-settings.js';

interface UnbornRow {
  readonly id: string;
  readonly end_user_id: string;
  readonly survey_type: SurveyType;
  readonly score: number;
  readonly created_at: number;
}

/** responseId → corrections, for responses without a follow-up whose policy differs from the server's. */
export function readBirthPlan(db: Db, responseIds: readonly string[]): Record<string, PolicyCorrections> {
  const rows = prepareCached(
    db,
    `SELECT r.id, r.end_user_id, r.survey_type, r.score, r.created_at
       FROM json_each(?) AS wanted JOIN responses r ON r.id = wanted.value
      WHERE NOT EXISTS (SELECT 1 FROM followups f WHERE f.response_id = r.id)`,
  ).all(JSON.stringify([...new Set(responseIds)])) as UnbornRow[];
  const policy = readSlaPolicy(db);
  const plan: Record<string, PolicyCorrections> = {};
  for (const row of rows) {
    const corrections = policyCorrections({ ...row, created_at: toInstant(row.created_at) }, policy);
    if (corrections.due !== undefined || corrections.priority !== undefined) plan[row.id] = corrections;
  }
  return plan;
}
