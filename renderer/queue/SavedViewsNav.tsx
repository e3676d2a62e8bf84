// The saved views in the sidebar, each with its badge count, kept current as data changes.
import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { loopdesk } from '../ipc/client.js';
import { count } from './format.js';
import { refreshCounts, refreshViews, selectView, useQueueState } from './queue-store.js';
import './queue.css';

export function SavedViewsNav({ onSelect }: { readonly onSelect: () => void }) {
  const { views, counts, activeViewId } = useQueueState();
  useEffect(() => {
    void refreshViews().catch(() => undefined);
    void refreshCounts().catch(() => undefined);
    return loopdesk().subscribe('data:changed', () => {
      void refreshCounts().catch(() => undefined);
    });
  }, []);
  return (
    <section className="views-nav" aria-labelledby="views-nav-title">
      <h2 id="views-nav-title" className="views-nav-title">
        Views
      </h2>
      <ul className="views-list">
        {views.map((view) => {
          const badge = counts?.[view.id];
          return (
            <li key={view.id}>
              <Button
                className="view-item"
                aria-current={view.id === activeViewId ? 'true' : undefined}
                onPress={() => {
                  selectView(view.id);
                  onSelect();
                }}
              >
                <span className="view-name">{view.name}</span>
                <span className="view-badge">
                  {badge === undefined ? '…' : count(badge)}
                  <span className="visually-hidden"> responses</span>
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
