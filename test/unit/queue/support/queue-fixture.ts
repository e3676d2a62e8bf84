// A small queue with many ties and NULLs, written through the db writers, and an
// independent JavaScript model of it: the SQL answers are checked against plain array code.
import type { Change } from '../../../../common/api/changes.js';
import { followupIdFor } from '../../../../common/api/records.js';
import { SURVEY_CHANNELS } from '../../../../common/domain/channels.js';
import { FOLLOWUP_STATUSES, OPEN_STATUSES, type FollowupStatus } from '../../../../common/domain/followup-status.js';
import { bandOf, SCORE_SCALES, SURVEY_TYPES, type SurveyType } from '../../../../common/domain/metrics.js';
import type { Db } from '../../../../electron/core/db/sqlite.js';
import { applyChanges } from '../../../../electron/core/db/writers/apply-changes.js';
import { seededRandom } from '../../../bench/support/synthetic-feedback.js';
import { at, event, followup, respondent, response, staff } from '../../db/support/records.js';

export const STAFF = [staff('st-b', { name: 'Bea' }), staff('st-a', { name: 'zoe' }), staff('st-c', { name: 'Abel' })];
export const ME = 'st-b';
/** Minutes after the fixture's epoch: "now" sits in the middle of the data. */
export const NOW_MINUTES = 300;
export const NOW = Date.parse(at(NOW_MINUTES));

export interface ModelRow {
  readonly rid: number;
  readonly id: string;
  readonly createdAt: number;
  readonly metric: SurveyType;
  readonly score: number;
  readonly text: string | null;
  readonly product: string;
  readonly company: string | null;
  readonly country: string | null;
  readonly channel: string;
  readonly language: string | null;
  readonly tags: readonly string[];
  readonly status: FollowupStatus;
  readonly assignee: string | null;
  readonly dueAt: number | null;
  readonly lastContactAt: number | null;
}

function choose<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Writes `count` responses (seeded) and returns the model of what was written. */
export function seedQueue(db: Db, seed: number, count: number): ModelRow[] {
  const random = seededRandom(seed);
  const changes: Change[] = STAFF.map((data) => ({ kind: 'staff', data }));
  changes.push({ kind: 'respondent', data: respondent('u1') });
  const model: Omit<ModelRow, 'rid'>[] = [];
  for (let i = 0; i < count; i += 1) {
    const metric = choose(random, SURVEY_TYPES);
    const scale = SCORE_SCALES[metric];
    const score = scale.min + Math.floor(random() * (scale.max - scale.min + 1));
    // Few distinct instants, so that ties on created_at are common.
    const createdAt = Date.parse(at(Math.floor(random() * 40) * 15));
    const text = choose(random, [null, null, 'Slow export', 'slow Export!', 'Billing wrong', '  ', 'Zebra mode']);
    const id = `r${i}`;
    const row = {
      id,
      createdAt,
      metric,
      score,
      text,
      product: choose(random, ['A', 'B', 'C']),
      company: choose(random, [null, 'Acme', 'Globex']),
      country: choose(random, [null, 'DE', 'FR', 'US']),
      channel: choose(random, SURVEY_CHANNELS),
      language: choose(random, [null, 'de', 'en']),
      tags: random() < 0.3 ? [choose(random, ['vip', 'beta'])] : [],
      status: 'new' as FollowupStatus,
      assignee: null as string | null,
      dueAt: null as number | null,
      lastContactAt: null as number | null,
    };
    changes.push({
      kind: 'response',
      data: response(id, 'u1', {
        survey_type: metric,
        score,
        text,
        product: row.product,
        company: row.company,
        country: row.country,
        channel: row.channel,
        language: row.language,
        tags: [...row.tags],
        created_at: new Date(createdAt).toISOString(),
        updated_at: new Date(createdAt).toISOString(),
      }),
    });
    if (random() < 0.6) {
      row.status = choose(random, FOLLOWUP_STATUSES);
      row.assignee = choose(random, [null, 'st-a', 'st-b', 'st-c', 'st-gone']);
      row.dueAt = random() < 0.8 ? Date.parse(at(Math.floor(random() * 40) * 15)) : null;
      const followupTags = random() < 0.3 ? ['escalated'] : [];
      row.tags = [...new Set([...row.tags, ...followupTags])];
      changes.push({
        kind: 'followup',
        data: followup(id, 'u1', {
          status: row.status,
          assignee_id: row.assignee,
          due_at: row.dueAt === null ? null : new Date(row.dueAt).toISOString(),
          tags: followupTags,
        }),
      });
      if (random() < 0.5) {
        const contactedAt = at(Math.floor(random() * 40) * 15);
        row.lastContactAt = Date.parse(contactedAt);
        changes.push({
          kind: 'followup_event',
          data: event(`${id}-c`, id, {
            kind: 'contact_logged',
            contact_id: `${id}-contact`,
            contact: {
              channel: 'email',
              direction: 'outbound',
              outcome: 'reached',
              note: '',
              contacted_at: contactedAt,
            },
          }),
        });
      }
    }
    model.push(row);
  }
  applyChanges(db, changes);
  const rids = new Map(
    (db.prepare('SELECT id, rid FROM responses').all() as { id: string; rid: number }[]).map((r) => [r.id, r.rid]),
  );
  return model.map((row) => ({ ...row, rid: rids.get(row.id)! }));
}

export function followupOf(id: string): string {
  return followupIdFor(id);
}

export function isOpen(status: FollowupStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function bandIndex(row: ModelRow): number {
  return ['negative', 'neutral', 'positive'].indexOf(bandOf(row.metric, row.score));
}

/** SQLite's lower() folds ASCII letters only. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function commentKey(row: ModelRow): string | null {
  const trimmed = row.text?.trim() ?? '';
  return trimmed.length === 0 ? null : asciiLower(trimmed.slice(0, 40));
}
