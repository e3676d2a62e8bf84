// The queue table: TanStack Table for the columns (sizes, order, visibility, sort state) and
// TanStack Virtual for the rows, of which only the visible ones exist in the DOM. Rows have
// one fixed height, so a million of them is arithmetic; each row re-renders only when its
// own data, the columns or its active/selected state change, never because of a scroll.
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import {
  functionalUpdate,
  useTable,
  type Column,
  type ColumnOrderState,
  type ColumnSizingState,
  type ColumnVisibilityState,
  type Header,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  COLUMN_LABELS,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  QUEUE_COLUMNS,
  type QueueColumnId,
  type QueueLayout,
} from '../../common/queue/columns.js';
import type { QueueSort } from '../../common/queue/query.js';
import type { QueueRow } from '../../common/queue/row.js';
import { QUEUE_COLUMN_DEFS, queueFeatures, SearchContext } from './columns.js';
import type { QueueRows } from './useQueueRows.js';

export const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 34;
/** Rows mounted beyond each edge of the viewport. */
const OVERSCAN = 12;
/** Browsers cap an element's height near 33.5 million pixels; rows beyond it cannot scroll in. */
export const MAX_SCROLL_ROWS = Math.floor(33_000_000 / ROW_HEIGHT);

type QueueTable = ReturnType<typeof useTable<typeof queueFeatures, QueueRow>>;
type QueueColumn = Column<typeof queueFeatures, QueueRow>;

export interface QueueGridProps {
  readonly rows: QueueRows;
  readonly sort: QueueSort;
  readonly onSortChange: (sort: QueueSort) => void;
  readonly layout: QueueLayout;
  readonly onLayoutChange: (layout: QueueLayout) => void;
  readonly search: string;
  readonly activeIndex: number;
  readonly onActiveChange: (index: number, focus: boolean) => void;
  readonly selected: ReadonlySet<string>;
  readonly onToggleSelected: (row: QueueRow) => void;
  readonly onOpen: (index: number) => void;
  /** Called once the grid exists, with a way to scroll it; for keyboard moves and refreshes. */
  readonly onReady: (controls: GridControls) => void;
}

export interface GridControls {
  scrollToIndex(index: number): void;
  scrollBy(rows: number): void;
  /** The first row fully on screen and how many rows fit. */
  viewport(): { readonly first: number; readonly rows: number };
  focusRow(index: number): void;
}

export function rowElementId(index: number): string {
  return `queue-row-${index}`;
}

/** Column widths as CSS variables on the grid: a resize restyles cells without re-rendering rows. */
function columnStyleVars(table: QueueTable): CSSProperties {
  const vars: CSSProperties & Record<string, string> = {};
  for (const column of table.getAllLeafColumns()) vars[`--col-${column.id}`] = `${column.getSize()}px`;
  vars['--row-width'] = `${table.getTotalSize()}px`;
  return vars;
}

function ariaSort(column: QueueColumn): 'ascending' | 'descending' | 'none' {
  const sorted = column.getIsSorted();
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
}

function moveColumn(order: readonly QueueColumnId[], id: QueueColumnId, to: QueueColumnId): QueueColumnId[] {
  const next = order.filter((c) => c !== id);
  next.splice(next.indexOf(to), 0, id);
  return next;
}

function HeaderCell({
  header,
  table,
  onMove,
}: {
  readonly header: Header<typeof queueFeatures, QueueRow>;
  readonly table: QueueTable;
  readonly onMove: (id: QueueColumnId, to: QueueColumnId) => void;
}) {
  const column = header.column;
  const id = column.id as QueueColumnId;
  const label = COLUMN_LABELS[id];
  const resize = header.getResizeHandler();
  const sorted = column.getIsSorted();
  const onResizeKey = (event: KeyboardEvent): void => {
    const step = event.shiftKey ? 40 : 10;
    const delta = event.key === 'ArrowRight' ? step : event.key === 'ArrowLeft' ? -step : 0;
    if (delta === 0) return;
    event.preventDefault();
    event.stopPropagation();
    const size = Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, column.getSize() + delta));
    table.setColumnSizing((old) => ({ ...old, [id]: size }));
  };
  return (
    <div
      role="columnheader"
      aria-sort={ariaSort(column)}
      aria-colindex={column.getIndex() + 1}
      className={`queue-cell queue-header-cell col-${id}`}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData('text/x-loopdesk-column', id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('text/x-loopdesk-column')) event.preventDefault();
      }}
      onDrop={(event) => {
        const from = QUEUE_COLUMNS.find((c) => c === event.dataTransfer.getData('text/x-loopdesk-column'));
        if (from !== undefined && from !== id) onMove(from, id);
      }}
    >
      <button
        type="button"
        className="queue-sort-button"
        onClick={column.getToggleSortingHandler()}
        title={`Sort by ${label.toLowerCase()}`}
      >
        <span className="queue-header-label">{label}</span>
        <span className="queue-sort-mark" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
        </span>
      </button>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${label}`}
        aria-valuenow={column.getSize()}
        aria-valuemin={MIN_COLUMN_WIDTH}
        aria-valuemax={MAX_COLUMN_WIDTH}
        tabIndex={0}
        className={column.getIsResizing() ? 'queue-resizer is-resizing' : 'queue-resizer'}
        onMouseDown={resize}
        onTouchStart={resize}
        onKeyDown={onResizeKey}
        onDoubleClick={() => {
          column.resetSize();
        }}
      />
    </div>
  );
}

interface GridRowProps {
  readonly index: number;
  readonly row: QueueRow | undefined;
  readonly columns: readonly QueueColumn[];
  readonly table: QueueTable;
  readonly active: boolean;
  readonly selected: boolean;
  readonly search: string;
}

const GridRow = memo(
  function GridRow({ index, row, columns, table, active, selected }: GridRowProps) {
    const style = { transform: `translateY(${index * ROW_HEIGHT}px)` };
    if (row === undefined) {
      return (
        <div role="row" aria-rowindex={index + 2} className="queue-row is-loading" style={style} data-index={index}>
          {columns.map((column) => (
            <div role="gridcell" key={column.id} className={`queue-cell col-${column.id}`}>
              <span className="skeleton" aria-hidden="true" />
            </div>
          ))}
        </div>
      );
    }
    const tableRow = table.getRowModel().rowsById[row.id];
    const cells = tableRow?.getVisibleCellsByColumnId();
    return (
      <div
        role="row"
        id={rowElementId(index)}
        data-row-id={row.id}
        aria-rowindex={index + 2}
        aria-selected={selected}
        tabIndex={active ? 0 : -1}
        className="queue-row"
        data-index={index}
        data-active={active || undefined}
        data-selected={selected || undefined}
        data-band={row.band}
        style={style}
      >
        {columns.map((column) => {
          const cell = cells?.[column.id];
          return (
            <div role="gridcell" key={column.id} className={`queue-cell col-${column.id}`}>
              {cell !== undefined && <table.FlexRender cell={cell} />}
            </div>
          );
        })}
      </div>
    );
  },
  // The table object changes with any column state; rows depend on it only through columns.
  (a, b) =>
    a.index === b.index &&
    a.row === b.row &&
    a.columns === b.columns &&
    a.active === b.active &&
    a.selected === b.selected &&
    a.search === b.search,
);

export function QueueGrid(props: QueueGridProps) {
  const { rows, sort, onSortChange, layout, onLayoutChange, search, activeIndex, selected } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const window = rows.window;
  const rowCount = Math.min(window.rowCount(), MAX_SCROLL_ROWS);
  const activeRef = useRef(activeIndex);
  useEffect(() => {
    activeRef.current = activeIndex;
  });
  const rangeExtractor = useCallback((range: Range) => {
    // The active row stays mounted even when scrolled away, so focus is never lost.
    const indexes = defaultRangeExtractor(range);
    const active = activeRef.current;
    if (active >= 0 && active < range.count && !indexes.includes(active)) indexes.push(active);
    return indexes.sort((a, b) => a - b);
  }, []);

  // TanStack Virtual hands back a mutable instance; nothing here relies on compiler memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  // The rows to load are those around the viewport, not every row between it and the active
  // row, which the range extractor keeps mounted however far away it is.
  const visible = virtualizer.range;
  const first = visible === null ? 0 : Math.max(0, visible.startIndex - OVERSCAN);
  const last = visible === null ? 0 : Math.min(rowCount - 1, visible.endIndex + OVERSCAN);
  // The table's rows are the mounted ones, rebuilt when the range moves or rows arrive
  // (rows.version); not the thousands loaded around them, whose row model a page arriving
  // would otherwise rebuild in the middle of a scroll.
  const data = useMemo(
    () => items.flatMap((item) => window.rowAt(item.index) ?? []),
    [items, window, rows.version], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const sorting = useMemo<SortingState>(() => [{ id: sort.column, desc: sort.direction === 'desc' }], [sort]);
  const visibility = useMemo<ColumnVisibilityState>(
    () => Object.fromEntries(layout.hidden.map((id) => [id, false])),
    [layout.hidden],
  );
  const layoutRef = useRef(layout);
  useEffect(() => {
    layoutRef.current = layout;
  });
  const table = useTable({
    features: queueFeatures,
    columns: QUEUE_COLUMN_DEFS,
    data,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    columnResizeMode: 'onChange',
    state: {
      sorting,
      columnOrder: layout.order,
      columnVisibility: visibility,
      columnSizing: layout.widths,
    },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next !== undefined)
        onSortChange({ column: next.id as QueueSort['column'], direction: next.desc ? 'desc' : 'asc' });
    },
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) => {
      const current = layoutRef.current;
      onLayoutChange({ ...current, widths: functionalUpdate(updater, current.widths as ColumnSizingState) });
    },
    onColumnOrderChange: (updater: Updater<ColumnOrderState>) => {
      const current = layoutRef.current;
      onLayoutChange({ ...current, order: functionalUpdate(updater, current.order) as QueueColumnId[] });
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const current = layoutRef.current;
      const next = functionalUpdate(updater, visibility);
      onLayoutChange({
        ...current,
        hidden: Object.entries(next)
          .filter(([, visible]) => !visible)
          .map(([id]) => id as QueueColumnId),
      });
    },
  });
  const columns = table.getVisibleLeafColumns();
  const columnsKey = columns.map((c) => c.id).join(',');
  // A stable list while the visible columns stay the same, so rows do not re-render.
  const stableColumns = useMemo(() => columns, [columnsKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const show = rows.show;
  useEffect(() => {
    show(first, last);
  }, [first, last, show]);

  // A refresh's scroll shift waits for the render that shows the new rows, so that both
  // reach the screen together (see RowLoader.refresh).
  const pendingShift = useRef(0);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (pendingShift.current === 0 || element === null) return;
    element.scrollTop += pendingShift.current * ROW_HEIGHT;
    pendingShift.current = 0;
  });

  const { onReady } = props;
  useEffect(() => {
    onReady({
      scrollToIndex: (index) => {
        virtualizer.scrollToIndex(index, { align: 'auto' });
      },
      scrollBy: (delta) => {
        pendingShift.current += delta;
      },
      viewport: () => {
        const element = scrollRef.current;
        const height = (element?.clientHeight ?? 0) - HEADER_HEIGHT;
        const top = element?.scrollTop ?? 0;
        return { first: Math.ceil(top / ROW_HEIGHT), rows: Math.max(1, Math.floor(height / ROW_HEIGHT)) };
      },
      focusRow: (index) => {
        document.getElementById(rowElementId(index))?.focus({ preventScroll: true });
      },
    });
  }, [onReady, virtualizer]);

  const { onActiveChange, onOpen, onToggleSelected } = props;
  const indexOfEvent = (event: MouseEvent): number | null => {
    const element = (event.target as Element).closest('[data-index]');
    const index = element === null ? NaN : Number(element.getAttribute('data-index'));
    return Number.isNaN(index) ? null : index;
  };

  return (
    <SearchContext.Provider value={search}>
      <div
        ref={scrollRef}
        role="grid"
        aria-label="Responses"
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        className="queue-grid"
        style={columnStyleVars(table)}
        data-key-scope="list"
      >
        <div role="rowgroup" className="queue-head">
          <div role="row" aria-rowindex={1} className="queue-row queue-header-row">
            {table.getHeaderGroups()[0]?.headers.map((header) => (
              <HeaderCell
                key={header.id}
                header={header}
                table={table}
                onMove={(id, to) => {
                  table.setColumnOrder(moveColumn(layoutRef.current.order, id, to));
                }}
              />
            ))}
          </div>
        </div>
        <div
          role="rowgroup"
          className="queue-body"
          style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}
          onClick={(event) => {
            const index = indexOfEvent(event);
            if (index === null) return;
            const row = window.rowAt(index);
            if ((event.ctrlKey || event.metaKey) && row !== undefined) onToggleSelected(row);
            onActiveChange(index, true);
          }}
          onDoubleClick={(event) => {
            const index = indexOfEvent(event);
            if (index !== null) onOpen(index);
          }}
        >
          {items.map((item) => {
            const row = window.rowAt(item.index);
            return (
              <GridRow
                key={item.index}
                index={item.index}
                row={row}
                columns={stableColumns}
                table={table}
                active={item.index === activeIndex}
                selected={row !== undefined && selected.has(row.id)}
                search={search}
              />
            );
          })}
        </div>
      </div>
    </SearchContext.Provider>
  );
}
