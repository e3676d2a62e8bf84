// Submits follow-up actions through the sync engine's outbox, one after another in the order
// given (a bulk assignment is one action per follow-up). A follow-up born by an action is
// brought to the team's SLA policy at once (birth-plan.ts). A refusal by the local rules —
// the same reducer the server runs — is reported per action and does not stop the others.
import type { FollowupActionResult } from '../../../common/ipc/channels/followups.js';
import type { MutationRequest } from '../../../common/ipc/channels/sync.js';
import type { MutationName } from '../../../common/api/mutations.js';
import type { DatabaseClient } from '../db/database-client.js';
import { MutationRefused } from '../sync/mutation-refused.js';

export interface ActionEngine {
  submit(name: MutationName, args: unknown): Promise<unknown>;
}

export async function submitActions(
  engine: ActionEngine,
  db: DatabaseClient,
  actions: readonly MutationRequest[],
): Promise<FollowupActionResult[]> {
  const plan = new Map(
    Object.entries(await db.call('followupsBirthPlan', { responseIds: actions.map((a) => a.args.response_id) })),
  );
  const results: FollowupActionResult[] = [];
  for (const { name, args } of actions) {
    const responseId = args.response_id;
    try {
      await engine.submit(name, args);
    } catch (error) {
      if (!(error instanceof MutationRefused)) throw error;
      results.push({ ok: false, responseId, name, code: error.code, reason: error.message });
      continue;
    }
    results.push({ ok: true, responseId, name });
    const corrections = plan.get(responseId);
    if (corrections === undefined) continue;
    plan.delete(responseId);
    if (corrections.due !== undefined) await engine.submit('set_due', { response_id: responseId, ...corrections.due });
    if (corrections.priority !== undefined) {
      await engine.submit('set_priority', { response_id: responseId, ...corrections.priority });
    }
  }
  return results;
}
