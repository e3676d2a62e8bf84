// The queue's shared state: the saved views with their badge counts, the view in use and the
// query on screen. The sidebar and the queue read it together, so it lives outside both
// (a small external store read with useSyncExternalStore).
import { useSyncExternalStore } from 'react';
import {
  EMPTY_FILTERS,
  DEFAULT_SORT,
  type QueueFilters,
  type QueueQuery,
  type QueueSort,
} from '../../common/queue/query.js';
import { BUILT_IN_VIEWS, DEFAULT_VIEW_ID, type SavedView } from '../../common/queue/views.js';
import { call } from '../ipc/client.js';
import { coalesced } from './coalesce.js';

export interface QueueState {
  readonly views: readonly SavedView[];
  /** Badge counts by view id; null until first counted. */
  readonly counts: Readonly<Record<string, number>> | null;
  readonly activeViewId: string;
  readonly query: QueueQuery;
  /** Why the last view change failed, for the sidebar to say. */
  readonly error: string | null;
}

const initialView: SavedView = BUILT_IN_VIEWS.find((v) => v.id === DEFAULT_VIEW_ID) ?? {
  id: DEFAULT_VIEW_ID,
  name: 'All',
  builtIn: true,
  query: { filters: EMPTY_FILTERS, sort: DEFAULT_SORT },
};

let state: QueueState = {
  views: BUILT_IN_VIEWS,
  counts: null,
  activeViewId: initialView.id,
  query: initialView.query,
  error: null,
};
const listeners = new Set<() => void>();

function update(next: Partial<QueueState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useQueueState(): QueueState {
  return useSyncExternalStore(subscribe, () => state);
}

export function activeView(s: QueueState = state): SavedView | undefined {
  return s.views.find((v) => v.id === s.activeViewId);
}

/** True when the query on screen differs from the saved view's. */
export function isModified(s: QueueState): boolean {
  const view = activeView(s);
  return view === undefined || JSON.stringify(view.query) !== JSON.stringify(s.query);
}

export function selectView(id: string): void {
  const view = state.views.find((v) => v.id === id);
  if (view !== undefined) update({ activeViewId: id, query: view.query, error: null });
}

export function setFilters(change: Partial<QueueFilters>): void {
  update({ query: { ...state.query, filters: { ...state.query.filters, ...change } } });
}

export function clearFilters(): void {
  update({ query: { ...state.query, filters: { ...EMPTY_FILTERS, search: state.query.filters.search } } });
}

export function setSort(sort: QueueSort): void {
  update({ query: { ...state.query, sort } });
}

export function resetSort(): void {
  setSort(activeView()?.query.sort ?? DEFAULT_SORT);
}

export async function refreshViews(): Promise<void> {
  const { views } = await call('queue:views', {});
  update({ views });
}

/** Recounts every badge; calls that arrive while counting fold into one more round. */
export const refreshCounts = coalesced(async () => {
  const { counts } = await call('queue:view-counts', {});
  update({ counts });
});

/** Saves the query on screen as a view (a new one when id is null) and switches to it. */
export async function saveView(id: string | null, name: string): Promise<void> {
  try {
    const view = await call('queue:save-view', { id, name, query: state.query });
    await refreshViews();
    update({ activeViewId: view.id, query: view.query, error: null });
    void refreshCounts();
  } catch (error) {
    update({ error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

export async function deleteView(id: string): Promise<void> {
  await call('queue:delete-view', { id });
  await refreshViews();
  if (state.activeViewId === id) selectView(DEFAULT_VIEW_ID);
  void refreshCounts();
}
