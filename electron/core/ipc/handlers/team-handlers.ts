// The Team view's channels: one database-worker operation each, so the four panels load
// independently and a slow one never holds up the others (or a queue page).
import type { DatabaseClient } from '../../db/database-client.js';
import type { HandlerMap } from '../handler-table.js';
import { toIpcFailure } from './vault-handlers.js';

type TeamChannels = 'team:backlog' | 'team:kpis' | 'team:trends' | 'team:root-causes';

export interface TeamHandlerDeps {
  /** The open cache; throws (VaultError 'locked') while the vault is locked. */
  readonly database: () => DatabaseClient;
  readonly now?: () => number;
}

/** A locked vault or a database failure reaches the renderer as a typed IpcFailure. */
export const explained = <T>(run: () => Promise<T>): Promise<T> =>
  run().catch((error: unknown) => {
    throw toIpcFailure(error) ?? error;
  });

export function teamHandlers(deps: TeamHandlerDeps): Pick<HandlerMap, TeamChannels> {
  const now = deps.now ?? Date.now;
  const db = (): DatabaseClient => deps.database();
  return {
    'team:backlog': () => explained(() => db().call('teamBacklog', { now: now() })),
    'team:kpis': (request) => explained(() => db().call('teamKpis', { ...request, now: now() })),
    'team:trends': (request) => explained(() => db().call('teamTrends', { ...request, now: now() })),
    'team:root-causes': (request) => explained(() => db().call('teamRootCauses', { ...request, now: now() })),
  };
}
