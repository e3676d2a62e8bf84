// Loads the queue's rows into a RowWindow as the table scrolls: pages for the visible range
// (nearest first, two at a time, so a fast scroll asks only for where it stops), the count
// beside them, and a refresh that keeps the rows on screen where they are when data changes.
// Plain TypeScript behind a small source interface, so it is tested without a browser.
import type { QueuePage, QueuePageRequest } from '../../common/ipc/channels/queue.js';
import type { QueueQuery } from '../../common/queue/query.js';
import { PAGE_SIZE, pageOf, RowWindow } from './row-window.js';

export interface RowSource {
  page(request: QueuePageRequest): Promise<QueuePage>;
  count(query: QueueQuery): Promise<number>;
  /** How many rows sort before the row with this cursor. */
  locate(query: QueueQuery, cursor: string): Promise<number>;
}

/** A row on screen and where it was, to find it again after a refresh. */
export interface RowPosition {
  readonly index: number;
  readonly cursor: string;
}

export interface Refreshed {
  /** How many rows the anchor moved down (new rows above it); scroll by as much. */
  readonly shift: number;
  /** Where the active row is now; null if it was not given. */
  readonly activeIndex: number | null;
  /**
   * Shows the new rows. The caller first arranges its scroll and active row, so that they
   * change in the same render as the rows; does nothing if something newer overtook it.
   */
  readonly show: () => void;
}

export interface RowsSnapshot {
  readonly window: RowWindow;
  /** Changes whenever rows or the count change. */
  readonly version: number;
  readonly error: string | null;
}

const PARALLEL_REQUESTS = 2;
/**
 * Rows fetched beyond each edge of the viewport once it is loaded, so that a steady scroll
 * finds its rows already there instead of drawing placeholders and then the rows.
 */
const PREFETCH_ROWS = PAGE_SIZE;
const INITIAL_RANGE = { first: 0, last: 60 };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class RowLoader {
  private query: QueueQuery | null = null;
  private generation = 0;
  private inflight = new Set<number>();
  private range = INITIAL_RANGE;
  private snapshot: RowsSnapshot = { window: new RowWindow(), version: 0, error: null };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly source: RowSource) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RowsSnapshot => this.snapshot;

  private publish(change: Partial<RowsSnapshot> = {}): void {
    this.snapshot = { ...this.snapshot, ...change, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }

  /** A new query: a fresh window from the top. */
  readonly setQuery = (query: QueueQuery): void => {
    this.query = query;
    this.generation += 1;
    this.inflight = new Set();
    this.range = INITIAL_RANGE;
    const window = new RowWindow();
    this.publish({ window, error: null });
    this.pump();
    const gen = this.generation;
    this.source.count(query).then(
      (total) => {
        if (gen !== this.generation) return;
        window.setTotal(total);
        this.publish();
      },
      (error: unknown) => {
        if (gen === this.generation) this.publish({ error: message(error) });
      },
    );
  };

  /** The rows the viewport shows: their pages are fetched. */
  readonly show = (first: number, last: number): void => {
    this.range = { first, last };
    this.pump();
  };

  private async fetchInto(window: RowWindow, page: number): Promise<boolean> {
    const query = this.query;
    if (query === null) return false;
    const gen = this.generation;
    try {
      const result = await this.source.page({ query, ...window.requestFor(page) });
      if (gen !== this.generation) return false;
      window.put(page, result.rows, result.hasMore);
      return true;
    } catch (error) {
      if (gen === this.generation) this.publish({ error: message(error) });
      return false;
    }
  }

  private pump(): void {
    const window = this.snapshot.window;
    const { first, last } = this.range;
    const center = pageOf((first + last) / 2);
    // The pages on screen first, nearest the middle first; then those beside them.
    const onScreen = (page: number): boolean => page >= pageOf(first) && page <= pageOf(last);
    const missing = window
      .missingPages(Math.max(0, first - PREFETCH_ROWS), last + PREFETCH_ROWS)
      .filter((page) => !this.inflight.has(page))
      .sort((a, b) => Number(onScreen(b)) - Number(onScreen(a)) || Math.abs(a - center) - Math.abs(b - center));
    const inflight = this.inflight;
    for (const page of missing.slice(0, Math.max(0, PARALLEL_REQUESTS - inflight.size))) {
      inflight.add(page);
      void this.fetchInto(window, page).then((stored) => {
        if (inflight !== this.inflight) return;
        inflight.delete(page);
        if (stored) {
          window.evictAround(this.range.first);
          this.publish();
        }
        this.pump();
      });
    }
  }

  /**
   * Re-reads the queue after a data change. The rows that will be on screen are fetched
   * before the switch, so nothing blinks; null when a newer query or refresh overtook it.
   */
  readonly refresh = async (anchor: RowPosition | null, active: RowPosition | null): Promise<Refreshed | null> => {
    const query = this.query;
    if (query === null) return null;
    this.generation += 1;
    const gen = this.generation;
    const next = new RowWindow();
    const locate = (position: RowPosition | null): Promise<number | null> =>
      position === null ? Promise.resolve(null) : this.source.locate(query, position.cursor);
    const [total, anchorIndex, activeIndex] = await Promise.all([
      this.source.count(query),
      locate(anchor),
      locate(active),
    ]);
    if (gen !== this.generation) return null;
    next.setTotal(total);
    const shift = anchor === null || anchorIndex === null ? 0 : anchorIndex - anchor.index;
    const range = { first: this.range.first + shift, last: this.range.last + shift };
    for (const page of next.missingPages(range.first, range.last)) {
      if (!(await this.fetchInto(next, page))) return null;
    }
    const show = (): void => {
      if (gen !== this.generation) return;
      this.inflight = new Set();
      this.range = range;
      this.publish({ window: next, error: null });
    };
    return { shift, activeIndex, show };
  };
}
