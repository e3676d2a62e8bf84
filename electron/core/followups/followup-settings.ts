// The follow-up settings of this install (the encrypted cache's settings table): the edits to
// the managed list of root causes. The SLA policy is the team's, held by the server and kept
// with the sync state (sync/store/team-policy.ts); what it looks like to the Settings editor
// is read here. A stored value this version cannot read counts as absent.
import { z } from 'zod';
import type { TeamSlaPolicy } from '../../../common/ipc/channels/followups.js';
import { DEFAULT_SLA_POLICY } from '../../../common/domain/sla.js';
import { toNullableEpochMs } from '../db/codec.js';
import { getSetting } from '../db/readers/get-setting.js';
import { prepareCached } from '../db/statement-cache.js';
import { runWithFullSync } from '../db/pragmas.js';
import type { Db } from '../db/sqlite.js';
import { putSetting } from '../db/writers/put-setting.js';
import { readActor } from '../sync/store/local-context.js';
import { readTeamPolicy } from '../sync/store/team-policy.js';

export const ROOT_CAUSES_SETTING = 'followups.root_causes';

/** The policy for the Settings editor: who set it, and whether the signed-in person may. */
export function readTeamSlaPolicy(db: Db): TeamSlaPolicy {
  const held = readTeamPolicy(db);
  const by = held?.updated_by ?? null;
  const name =
    by === null
      ? null
      : ((prepareCached(db, 'SELECT name FROM staff WHERE id = ?', 'pluck').get(by) as string | undefined) ?? by);
  return {
    policy: held?.policy ?? DEFAULT_SLA_POLICY,
    fetched: held !== null,
    updatedAt: toNullableEpochMs(held?.updated_at ?? null),
    updatedBy: name,
    canEdit: readActor(db)?.role === 'manager',
  };
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
