// Submits follow-up actions through the sync engine's outbox, one after another in the order
// given (a bulk assignment is one action per follow-up). A follow-up born by an action gets
// the team's SLA policy where it is born: on the server, which holds the policy, and in the
// optimistic copy (sync/store/local-effects.ts). A refusal by the local rules — the same
// reducer the server runs — is reported per action and does not stop the others.
import type { FollowupActionResult } from '../../../common/ipc/channels/followups.js';
import type { MutationRequest } from '../../../common/ipc/channels/sync.js';
import type { MutationName } from '../../../common/api/mutations.js';
import { MutationRefused } from '../sync/mutation-refused.js';

export interface ActionEngine {
  submit(name: MutationName, args: unknown): Promise<unknown>;
}

export async function submitActions(
  engine: ActionEngine,
  actions: readonly MutationRequest[],
): Promise<FollowupActionResult[]> {
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
  }
  return results;
}
