// The Team view's channels: one database-worker operation each, so the four panels load
// independently and a slow one never holds up the others (or a queue page).
import type { DatabaseClient } from '../../db/database-client.js';
import type { HandlerMap } from '../handler-table.js';
import { explained } from './explained.js';

type TeamChannels = 'team:backlog' | 'team:kpis' | 'team:trends' | 'team:root-causes';

export interface TeamHandlerDeps {
  /** The open cache; throws (VaultError 'locked') while the vault is locked. */
  readonly database: () => DatabaseClient;
  readonly now?: () => number;
}

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
