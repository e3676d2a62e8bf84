// The follow-up workflow's channels. Reads and settings are worker operations on the open
// cache; actions go through the running sync engine (optimistic write + outbox), so they are
// 'unavailable' until a session runs. Locked-vault and database failures reach the renderer
// as typed IpcFailures, like the other areas' channels.
import type { DatabaseClient } from '../../db/database-client.js';
import { submitActions, type ActionEngine } from '../../followups/submit-actions.js';
import { IpcFailure, type HandlerMap } from '../handler-table.js';
import { toIpcFailure } from './vault-handlers.js';

type FollowupChannels =
  | 'followups:context'
  | 'followups:targets'
  | 'followups:record'
  | 'followups:submit'
  | 'followups:list'
  | 'followups:set-sla-policy'
  | 'followups:edit-root-causes';

export interface FollowupHandlerDeps {
  /** The open cache; throws (VaultError 'locked') while the vault is locked. */
  readonly database: () => DatabaseClient;
  /** The running sync engine, or null when no session runs. */
  readonly engine: () => ActionEngine | null;
  readonly now?: () => number;
}

async function explained<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toIpcFailure(error) ?? error;
  }
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
        if (engine === null) throw new IpcFailure('unavailable', 'Loopdesk is not connected to a data source yet.');
        return { results: await submitActions(engine, db(), actions) };
      }),
    'followups:list': ({ scope }) => explained(() => db().call('followupsList', { scope, nowMs: now() })),
    'followups:set-sla-policy': ({ policy }) =>
      explained(async () => {
        await db().call('followupsSetSlaPolicy', { policy, nowMs: now() });
        return {};
      }),
    'followups:edit-root-causes': ({ add, remove }) =>
      explained(async () => ({
        rootCauses: await db().call('followupsEditRootCauses', { add, remove, nowMs: now() }),
      })),
  };
}
