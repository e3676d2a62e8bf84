// The Queue section: the view's name and count, search, filters, the table and the detail
// pane, and the keyboard. Data changes from sync re-query the visible window, the counts and
// the facets without moving what the user is looking at.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { Button, Input, TextField } from 'react-aria-components';
import type { QueueContext } from '../../common/ipc/channels/queue.js';
import { completeLayout, DEFAULT_LAYOUT, type QueueLayout } from '../../common/queue/columns.js';
import { call, loopdesk } from '../ipc/client.js';
import { CheatSheet } from '../keyboard/CheatSheet.js';
import { useKeyCommands, type CommandHandlers } from '../keyboard/useKeyCommands.js';
import { FOLLOWUP_COMMANDS, runFollowupCommand } from '../followups/dialog-store.js';
import { ColumnsMenu } from './ColumnsMenu.js';
import { DetailPane } from './DetailPane.js';
import { FilterBar } from './FilterBar.js';
import { count } from './format.js';
import { MAX_SCROLL_ROWS, QueueGrid, type GridControls } from './QueueGrid.js';
import { activeView, clearFilters, isModified, setFilters, setSort, useQueueState } from './queue-store.js';
import { DeleteViewButton, SaveViewDialog } from './SaveViewDialog.js';
import { useFacets } from './useFacets.js';
import { useQueueRows, type RowPosition } from './useQueueRows.js';
import { coalesced } from './coalesce.js';
import { useQueueRequests } from '../app/navigation.js';
import { QueueExportDialog } from '../export/QueueExportDialog.js';
import './queue.css';

const SEARCH_DEBOUNCE_MS = 150;
const LAYOUT_SAVE_DELAY_MS = 400;
/** Sync can announce changes page after page; the queue re-queries at most this often. */
const REFRESH_INTERVAL_MS = 500;

function useQueueContext(refresh: number): QueueContext {
  const [context, setContext] = useState<QueueContext>({ me: null, staff: [], tags: [] });
  useEffect(() => {
    call('queue:context', {}).then(setContext, () => undefined);
  }, [refresh]);
  return context;
}

function useLayout(): [QueueLayout, (layout: QueueLayout) => void] {
  const [layout, setLayout] = useState<QueueLayout>(DEFAULT_LAYOUT);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    call('queue:layout', {}).then(
      ({ layout: saved }) => {
        if (saved !== null) setLayout(saved);
      },
      () => undefined,
    );
  }, []);
  const change = useCallback((next: QueueLayout) => {
    const complete = completeLayout(next);
    setLayout(complete);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void call('queue:save-layout', { layout: complete }).catch(() => undefined);
    }, LAYOUT_SAVE_DELAY_MS);
  }, []);
  return [layout, change];
}

/**
 * The search box keeps its own text and hands it to the query once typing pauses. A plain
 * text field: Escape belongs to the keymap (back to the list), not to clearing the text.
 */
const SearchBox = memo(function SearchBox({
  value,
  onChange,
  inputRef,
}: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly inputRef: React.RefObject<HTMLInputElement | null>;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The query changed from elsewhere (another view): show its search.
    setShown(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => {
      onChange(text);
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [text, value, onChange]);
  return (
    <div role="search" className="queue-search">
      <TextField aria-label="Search comments" value={text} onChange={setText}>
        <Input
          ref={inputRef}
          placeholder="Search comments  ( / )"
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange(text);
          }}
        />
      </TextField>
      {text !== '' && (
        <Button
          className="icon-button"
          aria-label="Clear the search"
          onPress={() => {
            setText('');
            onChange('');
          }}
        >
          ×
        </Button>
      )}
    </div>
  );
});

/** `active`: the Queue section is on screen; when hidden it keeps its state but takes no keys. */
export function QueueView({ active }: { readonly active: boolean }) {
  const state = useQueueState();
  // Another view (the Team view's numbers) asked to show the queue on given filters.
  useQueueRequests();
  const { query } = state;
  const view = activeView(state);
  const [refreshes, setRefreshes] = useState(0);
  const context = useQueueContext(refreshes);
  const [layout, setLayout] = useLayout();
  const rows = useQueueRows(query);
  const total = rows.window.total;
  const rowCount = rows.window.rowCount();
  const [activeIndex, setActiveIndex] = useState(0);
  /**
   * The user chose the active row (moved, clicked, opened): it is then kept by identity as
   * rows arrive. Until then the active row is simply the first, newest, one.
   */
  const [pinned, setPinned] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const grid = useRef<GridControls | null>(null);
  const searchInput = useRef<HTMLInputElement | null>(null);
  const facets = useFacets(query, rows.window.hasPage(0), refreshes);

  const queryKey = JSON.stringify(query);
  const [shownKey, setShownKey] = useState(queryKey);
  if (queryKey !== shownKey) {
    // A new query starts at its top, with nothing open or selected.
    setShownKey(queryKey);
    setActiveIndex(0);
    setPinned(false);
    setOpenId(null);
    setSelected(new Set());
  }

  const activeRef = useRef(activeIndex);
  const pinnedRef = useRef(pinned);
  useEffect(() => {
    activeRef.current = activeIndex;
    pinnedRef.current = pinned;
  });

  const onReady = useCallback((controls: GridControls) => {
    grid.current = controls;
  }, []);

  const focusIsInList = (): boolean => {
    const active = document.activeElement;
    return active === null || active === document.body || active.closest('[role="grid"]') !== null;
  };

  const moveTo = useCallback(
    (index: number, focus = focusIsInList()) => {
      const last = Math.min(rows.window.rowCount(), MAX_SCROLL_ROWS) - 1;
      const next = Math.max(0, Math.min(last, index));
      setActiveIndex(next);
      setPinned(true);
      grid.current?.scrollToIndex(next);
      if (focus) requestAnimationFrame(() => grid.current?.focusRow(next));
      setOpenId((open) => (open === null ? null : (rows.window.rowAt(next)?.id ?? open)));
    },
    [rows.window],
  );

  const closeDetail = useCallback(() => {
    setOpenId(null);
    requestAnimationFrame(() => grid.current?.focusRow(activeIndex));
  }, [activeIndex]);

  const handlers: CommandHandlers = {
    next: () => {
      moveTo(activeIndex + 1);
    },
    previous: () => {
      moveTo(activeIndex - 1);
    },
    pageDown: () => {
      moveTo(activeIndex + (grid.current?.viewport().rows ?? 10));
    },
    pageUp: () => {
      moveTo(activeIndex - (grid.current?.viewport().rows ?? 10));
    },
    first: () => {
      moveTo(0);
    },
    last: () => {
      moveTo(rowCount - 1);
    },
    open: () => {
      const row = rows.window.rowAt(activeIndex);
      if (row === undefined) return;
      setOpenId(row.id);
      requestAnimationFrame(() => document.getElementById('detail-title')?.focus());
    },
    back: () => {
      if (document.activeElement === searchInput.current) {
        searchInput.current?.blur();
        grid.current?.focusRow(activeIndex);
      } else if (openId !== null) closeDetail();
      else if (selected.size > 0) setSelected(new Set());
    },
    search: () => {
      searchInput.current?.focus();
      searchInput.current?.select();
    },
    select: () => {
      const row = rows.window.rowAt(activeIndex);
      if (row === undefined) return;
      setSelected((old) => {
        const next = new Set(old);
        if (next.has(row.id)) next.delete(row.id);
        else next.add(row.id);
        return next;
      });
    },
    help: () => {
      setHelpOpen(true);
    },
  };
  // a s c d t n: the follow-up dialogs, on the x-selection (assign) or the response open or highlighted.
  for (const command of FOLLOWUP_COMMANDS) {
    handlers[command] = () => {
      const current = openId ?? rows.window.rowAt(activeIndex)?.id ?? null;
      // A bulk assignment done, the selection has served its purpose.
      const onApplied =
        command === 'assign' && selected.size > 0
          ? () => {
              setSelected(new Set());
            }
          : undefined;
      if (!runFollowupCommand(command, { selected: [...selected], current }, onApplied)) {
        setAnnouncement('Move to a response first: follow-up keys act on the response highlighted.');
      }
    };
  }
  useKeyCommands(active ? handlers : {});

  // Live updates: keep the first visible row in place and the active row by identity.
  const refreshRef = useRef<() => Promise<void>>(() => Promise.resolve());
  const refresh = async (): Promise<void> => {
    const controls = grid.current;
    const viewport = controls?.viewport();
    const position = (index: number): RowPosition | null => {
      const row = rows.window.rowAt(index);
      return row === undefined ? null : { index, cursor: row.cursor };
    };
    // The view holds still (on the active row if the user chose one and it is on screen, else
    // on the first row shown) unless it is at the very top with nothing chosen: there,
    // arriving rows are what the user watches for.
    const chosen = pinnedRef.current;
    const holdView = viewport !== undefined && (viewport.first > 0 || (chosen && activeIndex > 0));
    const activeOnScreen =
      chosen && viewport !== undefined && activeIndex >= viewport.first && activeIndex < viewport.first + viewport.rows;
    const anchor = holdView ? position(activeOnScreen ? activeIndex : viewport.first) : null;
    const startedAt = activeIndex;
    const result = await rows.refresh(anchor, chosen ? position(activeIndex) : null);
    setRefreshes((n) => n + 1);
    if (result === null) return;
    if (result.shift !== 0 && anchor !== null) controls?.scrollBy(result.shift);
    if (result.activeIndex !== null) {
      // Moves made while the refresh ran are kept, relative to where the row went.
      const index = result.activeIndex + (activeRef.current - startedAt);
      setActiveIndex(index);
      if (focusIsInList() && document.activeElement !== document.body) {
        requestAnimationFrame(() => grid.current?.focusRow(index));
      }
    }
    result.show();
  };
  useEffect(() => {
    refreshRef.current = refresh;
  });
  useEffect(() => {
    const refreshSoon = coalesced(() => refreshRef.current(), REFRESH_INTERVAL_MS);
    return loopdesk().subscribe('data:changed', () => {
      void refreshSoon();
    });
  }, []);

  const onSearch = useCallback((search: string) => {
    setFilters({ search });
  }, []);

  const modified = isModified(state);
  const title = view?.name ?? 'Queue';
  return (
    <div className={openId === null ? 'queue-view' : 'queue-view has-detail'}>
      <header className="queue-header">
        <div className="queue-title">
          <h1>
            {title}
            {modified && <span className="queue-modified"> (changed)</span>}
          </h1>
          <span className="queue-count" aria-live="polite">
            {total === null ? 'Counting…' : `${count(total)} ${total === 1 ? 'response' : 'responses'}`}
            {total !== null && total > MAX_SCROLL_ROWS && ` (the first ${count(MAX_SCROLL_ROWS)} can be scrolled to)`}
          </span>
          {selected.size > 0 && (
            <span className="queue-selection">
              {count(selected.size)} selected
              <Button
                className="button button-quiet"
                onPress={() => {
                  setSelected(new Set());
                }}
              >
                Clear
              </Button>
            </span>
          )}
        </div>
        <div className="queue-actions">
          <SearchBox value={query.filters.search} onChange={onSearch} inputRef={searchInput} />
          <ColumnsMenu layout={layout} onChange={setLayout} />
          <SaveViewDialog current={view} />
          <QueueExportDialog query={query} total={total} selected={selected} />
          {view !== undefined && !view.builtIn && <DeleteViewButton view={view} />}
          <Button
            className="button"
            aria-label="Keyboard shortcuts (?)"
            onPress={() => {
              setHelpOpen(true);
            }}
          >
            ?
          </Button>
        </div>
      </header>
      <FilterBar
        filters={query.filters}
        counts={facets.counts}
        context={context}
        onChange={setFilters}
        onClear={clearFilters}
        onMenuOpen={facets.prioritize}
        counting={facets.counting}
      />
      {rows.error !== null && (
        <div role="alert" className="banner banner-error">
          {rows.error}
        </div>
      )}
      <div className="queue-main">
        <div className="queue-table-area">
          <QueueGrid
            rows={rows}
            sort={query.sort}
            onSortChange={setSort}
            layout={layout}
            onLayoutChange={setLayout}
            search={query.filters.search}
            activeIndex={activeIndex}
            onActiveChange={moveTo}
            selected={selected}
            onToggleSelected={(row) => {
              setSelected((old) => {
                const next = new Set(old);
                if (!next.delete(row.id)) next.add(row.id);
                return next;
              });
            }}
            onOpen={(index) => {
              const row = rows.window.rowAt(index);
              if (row !== undefined) setOpenId(row.id);
            }}
            onReady={onReady}
          />
          {total === 0 && (
            <div className="queue-empty">
              <p>
                No responses match {query.filters.search === '' ? 'these filters' : 'this search and these filters'}.
              </p>
              <Button className="button" onPress={clearFilters}>
                Clear filters
              </Button>
            </div>
          )}
        </div>
        {openId !== null && (
          <DetailPane id={openId} search={query.filters.search} refresh={refreshes} onClose={closeDetail} />
        )}
      </div>
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      <CheatSheet isOpen={helpOpen} onOpenChange={setHelpOpen} />
    </div>
  );
}
