// The queue's rows for React: a RowLoader fed by the IPC channels, read as an external store.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { QueueQuery } from '../../common/queue/query.js';
import { call } from '../ipc/client.js';
import { RowLoader, type Refreshed, type RowPosition, type RowsSnapshot } from './row-loader.js';

export type { Refreshed, RowPosition } from './row-loader.js';

export interface QueueRows extends RowsSnapshot {
  readonly show: (first: number, last: number) => void;
  readonly refresh: (anchor: RowPosition | null, active: RowPosition | null) => Promise<Refreshed | null>;
}

function ipcLoader(): RowLoader {
  return new RowLoader({
    page: (request) => call('queue:page', request),
    count: (query) => call('queue:count', { query }).then((r) => r.total),
    locate: (query, cursor) => call('queue:locate', { query, cursor }).then((r) => r.index),
  });
}

export function useQueueRows(query: QueueQuery): QueueRows {
  const [loader] = useState(ipcLoader);
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    loader.setQuery(JSON.parse(queryKey) as QueueQuery);
  }, [loader, queryKey]);
  const snapshot = useSyncExternalStore(loader.subscribe, loader.getSnapshot);
  return { ...snapshot, show: loader.show, refresh: loader.refresh };
}
