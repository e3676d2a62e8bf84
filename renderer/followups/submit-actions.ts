// Sends follow-up actions to the core ('followups:submit': optimistic write + outbox) and
// says how it went: all applied (a short confirmation), some refused by the local rules
// (their sentences), or the request failed altogether.
import type { FollowupActionResult } from '../../common/ipc/channels/followups.js';
import type { MutationRequest } from '../../common/ipc/channels/sync.js';
import { call } from '../ipc/client.js';

export type SubmitOutcome =
  | { readonly ok: true; readonly results: readonly FollowupActionResult[] }
  | { readonly ok: false; readonly message: string; readonly results: readonly FollowupActionResult[] };

export async function submitFollowupActions(actions: readonly MutationRequest[]): Promise<SubmitOutcome> {
  try {
    const { results } = await call('followups:submit', { actions: [...actions] });
    const reasons = [...new Set(results.flatMap((r) => (r.ok ? [] : [r.reason])))];
    const refused = results.filter((r) => !r.ok);
    if (refused.length === 0) return { ok: true, results };
    const message =
      results.length === 1
        ? (reasons[0] ?? 'Refused.')
        : `${refused.length} of ${results.length} were refused: ${reasons.join(' ')}`;
    return { ok: false, message, results };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), results: [] };
  }
}

/**
 * Ids for notes and contact logs, made once per dialog: the reducer refuses an id it has seen,
 * so a second press of Enter cannot log the same contact twice.
 */
export function newRecordId(prefix: 'note' | 'contact'): string {
  return `${prefix}_${crypto.randomUUID()}`;
}
