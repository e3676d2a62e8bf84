// Hand-made follow-ups for the Team view's SQL, written through the db writers as sync
// would: each case names its durations in hours from a fixed epoch, so the expected figures
// can be worked out on paper.
import type { Change } from '../../../../common/api/changes.js';
import type { FollowupStatus } from '../../../../common/domain/followup-status.js';
import type { SurveyType } from '../../../../common/domain/metrics.js';
import type { Db } from '../../../../electron/core/db/sqlite.js';
import { applyChanges } from '../../../../electron/core/db/writers/apply-changes.js';
import { followup, respondent, response, staff } from '../../db/support/records.js';

export const HOUR = 3_600_000;
/** Every response of the fixtures is received at T0 + its `received` hours. */
export const T0 = Date.parse('2025-03-03T00:00:00.000Z');
export const hours = (h: number): number => T0 + h * HOUR;
const iso = (h: number): string => new Date(hours(h)).toISOString();

export const MANAGER = staff('st-boss', { name: 'Maja Manager', role: 'manager' });
export const ANA = staff('st-ana', { name: 'Ana Agent' });
export const BEN = staff('st-ben', { name: 'Ben Agent' });

export interface LoopCase {
  readonly id: string;
  readonly assignee?: string | null;
  readonly status?: FollowupStatus;
  /** Hours after T0. */
  readonly received?: number;
  readonly due?: number | null;
  readonly firstContact?: number | null;
  readonly done?: number | null;
  readonly rootCauses?: readonly string[];
  readonly metric?: SurveyType;
  readonly score?: number;
  readonly product?: string;
  readonly country?: string | null;
  readonly excluded?: boolean;
}

/** A response (and, unless `followup` is false, its follow-up) per case. */
export function writeLoops(db: Db, cases: readonly LoopCase[], options: { readonly followups?: boolean } = {}): void {
  const changes: Change[] = [MANAGER, ANA, BEN].map((data) => ({ kind: 'staff', data }));
  changes.push({ kind: 'respondent', data: respondent('u1') });
  for (const c of cases) {
    const received = c.received ?? 0;
    changes.push({
      kind: 'response',
      data: response(c.id, 'u1', {
        survey_type: c.metric ?? 'nps',
        score: c.score ?? 2,
        product: c.product ?? 'Loopdesk Cloud',
        country: c.country === undefined ? 'FR' : c.country,
        excluded_from_calculations: c.excluded ?? false,
        created_at: iso(received),
        updated_at: iso(received),
      }),
    });
    if (options.followups === false) continue;
    const status = c.status ?? 'assigned';
    changes.push({
      kind: 'followup',
      data: followup(c.id, 'u1', {
        status,
        assignee_id: c.assignee === undefined ? ANA.id : c.assignee,
        due_at: c.due === null ? null : iso(c.due ?? received + 48),
        first_contact_at: c.firstContact == null ? null : iso(c.firstContact),
        done_at: c.done == null ? null : iso(c.done),
        informed_at: status === 'informed' && c.done != null ? iso(c.done) : null,
        root_causes: [...(c.rootCauses ?? [])],
        created_at: iso(received),
        updated_at: iso(received),
      }),
    });
  }
  applyChanges(db, changes);
}

/** Signs in as `staffId`, as sync records GET /v1/me (the staff record, with its role). */
export function signIn(db: Db, staffId: string): void {
  const me = [MANAGER, ANA, BEN].find((s) => s.id === staffId);
  db.prepare(
    "INSERT INTO sync_state (key, value) VALUES ('me', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(JSON.stringify(me ?? staffId));
}
