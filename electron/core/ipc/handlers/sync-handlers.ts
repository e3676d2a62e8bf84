// Sync's channels. The engine exists only while a session runs (vault unlocked, data source
// chosen): the getter returns null otherwise, and the renderer gets 'unavailable'. Refusals
// of a mutation by the local rules come back with the reducer's sentence.
import type { IpcErrorCode } from '../../../../common/ipc/result.js';
import { MutationRefused, type RefusalCode } from '../../sync/mutation-refused.js';
import type { SyncEngine } from '../../sync/sync-engine.js';
import type { DatabaseClient } from '../../db/database-client.js';
import { IpcFailure, type HandlerMap } from '../handler-table.js';
import { toIpcFailure } from './explained.js';

type SyncChannels = 'sync:now' | 'sync:status' | 'sync:problems' | 'mutations:submit';

export interface SyncHandlerDeps {
  /** The running engine, or null when no session runs; may throw IpcFailure('locked'). */
  readonly engine: () => SyncEngine | null;
  /** The open cache (throws while the vault is locked): problems are readable without a session. */
  readonly database: () => DatabaseClient;
}

const REFUSALS: Readonly<Record<RefusalCode, IpcErrorCode>> = {
  invalid_args: 'invalid_input',
  invalid_transition: 'invalid_input',
  conflict: 'invalid_input',
  not_contactable: 'invalid_input',
  not_found: 'not_found',
  forbidden: 'forbidden',
  not_signed_in: 'unavailable',
};

function running(deps: SyncHandlerDeps): SyncEngine {
  const engine = deps.engine();
  if (engine === null) throw new IpcFailure('unavailable', 'Loopdesk is not connected to a data source yet.');
  return engine;
}

async function explained<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MutationRefused) throw new IpcFailure(REFUSALS[error.code], error.message);
    throw toIpcFailure(error) ?? error;
  }
}

export function syncHandlers(deps: SyncHandlerDeps): Pick<HandlerMap, SyncChannels> {
  return {
    'sync:now': () => {
      const engine = running(deps);
      // Answers at once: the status bar follows the sync through 'sync:status' events.
      void engine.syncNow();
      return engine.status();
    },
    'sync:status': () => running(deps).status(),
    'sync:problems': ({ limit }) => explained(() => deps.database().call('syncProblems', { limit })),
    'mutations:submit': ({ name, args }) => explained(() => running(deps).submit(name, args)),
  };
}
