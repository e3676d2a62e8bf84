// The follow-up workflow's channels. Reads and settings are worker operations on the open
// cache; actions go through the running sync engine (optimistic write + outbox), and the
// team's SLA policy is saved on the server through it, so both are 'unavailable' until a
// session runs. Locked-vault, database and API failures reach the renderer as typed
// IpcFailures with a sentence for the user, like the other areas' channels.
import type { SlaPolicy } from '../../../../common/domain/sla.js';
import type { DatabaseClient } from '../../db/database-client.js';
import { submitActions, type ActionEngine } from '../../followups/submit-actions.js';
import { ApiFailure } from '../../sync/api-failure.js';
import { IpcFailure, type HandlerMap } from '../handler-table.js';
import { explained } from './explained.js';

type FollowupChannels =
  | 'followups:context'
  | 'followups:targets'
  | 'followups:record'
  | 'followups:submit'
  | 'followups:list'
  | 'followups:sla-policy'
  | 'followups:set-sla-policy'
  | 'followups:edit-root-causes';

/** What the follow-up channels need of the sync engine (electron/core/sync/sync-engine.ts). */
export interface FollowupEngine extends ActionEngine {
  /** PUT /v1/sla-policy, then stored as the policy in effect; rejects with ApiFailure. */
  saveSlaPolicy(policy: SlaPolicy): Promise<void>;
}

export interface FollowupHandlerDeps {
  /** The open cache; throws (VaultError 'locked') while the vault is locked. */
  readonly database: () => DatabaseClient;
  /** The running sync engine, or null when no session runs. */
  readonly engine: () => FollowupEngine | null;
  readonly now?: () => number;
}

const NOT_CONNECTED = 'Loopdesk is not connected to a data source yet.';

/** Why the server did not take the policy, for the form (which keeps the user's edits). */
function policyNotSaved(failure: ApiFailure): IpcFailure {
  if (failure.offline) {
    return new IpcFailure(
      'unavailable',
      'The server cannot be reached, so the policy was not saved. Your changes are still here: save again once you are back online.',
    );
  }
  const status = failure.status;
  if (status === 401) {
    return new IpcFailure('forbidden', 'The server no longer accepts this sign-in. Sign in again, then save.');
  }
  // The server's own sentence ("Only a manager can change the team's SLA policy.").
  if (status === 403) return new IpcFailure('forbidden', failure.message);
  if (status === 400) return new IpcFailure('invalid_input', `The server refused this policy: ${failure.message}`);
  if (status === 404) {
    return new IpcFailure('unavailable', 'This server does not keep a team SLA policy; it needs to be updated.');
  }
  return new IpcFailure('unavailable', `The policy was not saved: ${failure.message} Try again in a moment.`);
}

export function followupHandlers(deps: FollowupHandlerDeps): Pick<HandlerMap, FollowupChannels> {
  const now = deps.now ?? Date.now;
  const db = (): DatabaseClient => deps.database();
  return {
    'followups:context': () => explained(() => db().call('followupsContext', {})),
    'followups:targets': ({ responseIds }) =>
      explained(async () => ({ targets: await db().call('followupsTargets', { responseIds }) })),
    'followups:record': ({ responseId }) => explained(() => db().call('followupsRecord', { responseId })),
    'followups:submit': ({ actions }) =>
      explained(async () => {
        const engine = deps.engine();
        if (engine === null) throw new IpcFailure('unavailable', NOT_CONNECTED);
        return { results: await submitActions(engine, actions) };
      }),
    'followups:list': ({ scope }) => explained(() => db().call('followupsList', { scope, nowMs: now() })),
    'followups:sla-policy': () => explained(() => db().call('followupsSlaPolicy', {})),
    'followups:set-sla-policy': ({ policy }) =>
      explained(async () => {
        const engine = deps.engine();
        if (engine === null) throw new IpcFailure('unavailable', `${NOT_CONNECTED} The policy was not saved.`);
        try {
          await engine.saveSlaPolicy(policy);
        } catch (error) {
          throw error instanceof ApiFailure ? policyNotSaved(error) : error;
        }
        return db().call('followupsSlaPolicy', {});
      }),
    'followups:edit-root-causes': ({ add, remove }) =>
      explained(async () => ({
        rootCauses: await db().call('followupsEditRootCauses', { add, remove, nowMs: now() }),
      })),
  };
}
