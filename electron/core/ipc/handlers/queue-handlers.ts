// The queue's channels: each request becomes one database-worker operation (facets one per
// call, so page requests are never stuck behind a batch of counts). Locked-vault and database
// failures reach the renderer as typed IpcFailures, like the vault's own channels.
import type { ChannelResponse } from '../../../../common/ipc/contract.js';
import { BUILT_IN_VIEWS } from '../../../../common/queue/views.js';
import type { DatabaseClient } from '../../db/database-client.js';
import type { Outcome } from '../../queue/operations.js';
import { IpcFailure, type HandlerMap } from '../handler-table.js';
import { explained } from './explained.js';

type QueueChannels =
  | 'queue:context'
  | 'queue:page'
  | 'queue:count'
  | 'queue:locate'
  | 'queue:facet'
  | 'queue:detail'
  | 'queue:views'
  | 'queue:view-counts'
  | 'queue:save-view'
  | 'queue:delete-view'
  | 'queue:layout'
  | 'queue:save-layout';

export interface QueueHandlerDeps {
  /** The open cache; throws (VaultError 'locked') while the vault is locked. */
  readonly database: () => DatabaseClient;
  readonly now?: () => number;
}

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new IpcFailure('invalid_input', outcome.message);
}

export function queueHandlers(deps: QueueHandlerDeps): Pick<HandlerMap, QueueChannels> {
  const now = deps.now ?? Date.now;
  const db = (): DatabaseClient => deps.database();

  const allViews = async (): Promise<ChannelResponse<'queue:views'>['views']> => [
    ...BUILT_IN_VIEWS,
    ...(await db().call('queueUserViews', { now: now() })),
  ];

  return {
    'queue:context': () => explained(() => db().call('queueContext', { now: now() })),
    'queue:page': (request) => explained(async () => unwrap(await db().call('queuePage', { ...request, now: now() }))),
    'queue:count': ({ query }) =>
      explained(async () => ({ total: await db().call('queueCount', { query, now: now() }) })),
    'queue:locate': ({ query, cursor }) =>
      explained(async () => ({ index: unwrap(await db().call('queueLocate', { query, cursor, now: now() })) })),
    'queue:facet': ({ query, facet }) => explained(() => db().call('queueFacet', { query, facet, now: now() })),
    'queue:detail': ({ id }) =>
      explained(async () => {
        const detail = await db().call('queueDetail', { id });
        if (detail === null) throw new IpcFailure('not_found', 'This response is no longer in the local cache.');
        return detail;
      }),
    'queue:views': () => explained(async () => ({ views: await allViews() })),
    'queue:view-counts': () =>
      explained(async () => {
        const counts: Record<string, number> = {};
        // One count per call: a slow user view delays its own badge, not a page request.
        for (const view of await allViews()) {
          counts[view.id] = await db().call('queueCount', { query: view.query, now: now() });
        }
        return { counts };
      }),
    'queue:save-view': ({ id, name, query }) =>
      explained(async () => unwrap(await db().call('queueSaveView', { id, name, query, now: now() }))),
    'queue:delete-view': ({ id }) =>
      explained(async () => ({ deleted: await db().call('queueDeleteView', { id, now: now() }) })),
    'queue:layout': () => explained(async () => ({ layout: await db().call('queueLayout', { now: now() }) })),
    'queue:save-layout': ({ layout }) =>
      explained(async () => {
        await db().call('queueSaveLayout', { layout, now: now() });
        return {};
      }),
  };
}
