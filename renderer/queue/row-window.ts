// The renderer's sparse copy of the queue: fixed-size pages of rows by position, fetched as
// the user scrolls and dropped when far away, so a million-row queue costs a few hundred rows
// of memory. A page is asked for after the nearest row already known above it (keyset), with
// an offset for the rows in between, so scrolling on from loaded rows never re-counts from
// the top.
import type { QueueRow } from '../../common/queue/row.js';

export const PAGE_SIZE = 100;
/** Pages kept around the viewport; more are evicted, farthest first. */
export const MAX_PAGES = 30;

export interface PageRequest {
  readonly after: string | null;
  readonly offset: number;
  readonly limit: number;
}

export function pageOf(index: number): number {
  return Math.floor(index / PAGE_SIZE);
}

export class RowWindow {
  private readonly pages = new Map<number, readonly QueueRow[]>();
  /** Known number of rows; null until counted (the end is then known only from a short page). */
  private knownTotal: number | null = null;
  private end: number | null = null;

  rowAt(index: number): QueueRow | undefined {
    return this.pages.get(pageOf(index))?.[index % PAGE_SIZE];
  }

  hasPage(page: number): boolean {
    return this.pages.has(page);
  }

  /** The pages that hold rows first…last (inclusive) and are not loaded yet. */
  missingPages(first: number, last: number): number[] {
    const missing: number[] = [];
    const lastRow = this.rowCount() - 1;
    for (let page = pageOf(Math.max(0, first)); page <= pageOf(Math.min(last, lastRow)); page += 1) {
      if (!this.pages.has(page)) missing.push(page);
    }
    return missing;
  }

  /** How to ask for a page: after the last row of the nearest loaded page above it. */
  requestFor(page: number): PageRequest {
    let above = -1;
    for (const loaded of this.pages.keys()) {
      const rows = this.pages.get(loaded);
      if (loaded < page && loaded > above && rows?.length === PAGE_SIZE) above = loaded;
    }
    const anchor = this.pages.get(above)?.[PAGE_SIZE - 1];
    if (anchor === undefined) return { after: null, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
    return { after: anchor.cursor, offset: (page - above - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  }

  put(page: number, rows: readonly QueueRow[], hasMore: boolean): void {
    this.pages.set(page, rows);
    if (!hasMore) this.end = page * PAGE_SIZE + rows.length;
  }

  setTotal(total: number): void {
    this.knownTotal = total;
  }

  get total(): number | null {
    return this.knownTotal;
  }

  /** Rows the list should have: the count, or what is loaded plus a page while more may come. */
  rowCount(): number {
    if (this.knownTotal !== null) return this.knownTotal;
    if (this.end !== null) return this.end;
    const highest = Math.max(-1, ...this.pages.keys());
    return (highest + 2) * PAGE_SIZE;
  }

  /** Keeps the MAX_PAGES pages nearest to `centerIndex`. */
  evictAround(centerIndex: number): void {
    if (this.pages.size <= MAX_PAGES) return;
    const center = pageOf(centerIndex);
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(a - center) - Math.abs(b - center));
    for (const page of byDistance.slice(MAX_PAGES)) this.pages.delete(page);
  }

  /** Where a loaded row sits, for keeping the selection when rows move. */
  indexOf(id: string): number | null {
    for (const [page, rows] of this.pages) {
      const at = rows.findIndex((row) => row.id === id);
      if (at >= 0) return page * PAGE_SIZE + at;
    }
    return null;
  }
}
