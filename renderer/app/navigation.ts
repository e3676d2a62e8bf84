// Lets any view open the Queue on given filters: the Team view's numbers open exactly the
// rows they count. The App provides it; the Queue takes the pending request when it shows.
import { createContext, useContext, useEffect } from 'react';
import type { QueueFilters, QueueSort } from '../../common/queue/query.js';
import { DEFAULT_VIEW_ID } from '../../common/queue/views.js';
import { selectView, setFilters, setSort } from '../queue/queue-store.js';

export interface QueueRequest {
  readonly filters: QueueFilters;
  readonly sort?: QueueSort;
}

export interface Navigation {
  /** Switches to the Queue, showing `request` there. */
  readonly openQueue: (request: QueueRequest) => void;
  /** The request the Queue has not shown yet. */
  readonly pendingQueue: QueueRequest | null;
  /** The Queue calls this once it has shown the pending request. */
  readonly queueShown: () => void;
}

export const NavigationContext = createContext<Navigation>({
  openQueue: () => undefined,
  pendingQueue: null,
  queueShown: () => undefined,
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/**
 * For the Queue: shows a pending request as the "All" view with exactly its filters (every
 * filter replaced, so nothing of the previous query narrows it further).
 */
export function useQueueRequests(): void {
  const { pendingQueue, queueShown } = useNavigation();
  useEffect(() => {
    if (pendingQueue === null) return;
    selectView(DEFAULT_VIEW_ID);
    setFilters(pendingQueue.filters);
    if (pendingQueue.sort !== undefined) setSort(pendingQueue.sort);
    queueShown();
  }, [pendingQueue, queueShown]);
}
