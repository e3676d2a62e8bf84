// The team's follow-up settings kept on this install (the encrypted cache's settings table):
// the SLA policy used when a follow-up is born here, and the edits to the managed list of
// root causes. A stored value this version cannot read counts as absent.
import { z } from 'zod';
import type { SlaPolicy } from '../../../common/domain/sla.js';
import { DEFAULT_SLA_POLICY } from '../../../common/domain/sla.js';
import { SlaPolicySchema } from '../../../common/followups/sla-policy.js';
import { runWithFullSync } from '../db/pragmas.js';
import { getSetting } from '../db/readers/get-setting.js';
import type { Db } from '../db/sqlite.js';
import { putSetting } from '../db/writers/put-setting.js';

export const SLA_POLICY_SETTING = 'followups.sla_policy';
export const ROOT_CAUSES_SETTING = 'followups.root_causes';

export function readSlaPolicy(db: Db): SlaPolicy {
  const parsed = SlaPolicySchema.safeParse(getSetting(db, SLA_POLICY_SETTING));
  return parsed.success ? parsed.data : DEFAULT_SLA_POLICY;
}

export function writeSlaPolicy(db: Db, policy: SlaPolicy, nowMs: number): void {
  runWithFullSync(db, () => {
    putSetting(db, SLA_POLICY_SETTING, policy, nowMs);
  });
}

/**
 * Root causes arrive with done follow-ups (root_cause_tags, filled by sync); the user adds
 * new ones on the fly and removes those the team no longer uses. Only the edits are stored,
 * so a cause a colleague introduces later still appears.
 */
const RootCauseEdits = z.strictObject({ added: z.array(z.string()), removed: z.array(z.string()) });
type RootCauseEdits = z.infer<typeof RootCauseEdits>;

function readEdits(db: Db): RootCauseEdits {
  const parsed = RootCauseEdits.safeParse(getSetting(db, ROOT_CAUSES_SETTING));
  return parsed.success ? parsed.data : { added: [], removed: [] };
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

export function readRootCauses(db: Db): string[] {
  const seen = db.prepare('SELECT tag FROM root_cause_tags').pluck().all() as string[];
  const { added, removed } = readEdits(db);
  const hidden = new Set(removed);
  return [...new Set([...seen, ...added])].filter((tag) => !hidden.has(tag)).sort(byName.compare);
}

export function editRootCauses(
  db: Db,
  edit: { readonly add: readonly string[]; readonly remove: readonly string[] },
  nowMs: number,
): string[] {
  const held = readEdits(db);
  const add = new Set(edit.add.map((t) => t.trim()).filter((t) => t !== ''));
  const remove = new Set(edit.remove.filter((t) => !add.has(t)));
  const next: RootCauseEdits = {
    added: [...new Set([...held.added, ...add])].filter((t) => !remove.has(t)),
    removed: [...new Set([...held.removed, ...remove])].filter((t) => !add.has(t)),
  };
  runWithFullSync(db, () => {
    putSetting(db, ROOT_CAUSES_SETTING, next, nowMs);
  });
  return readRootCauses(db);
}
