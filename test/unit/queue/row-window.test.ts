import { describe, expect, it } from 'vitest';
import type { QueueRow } from '../../../common/queue/row.js';
import { MAX_PAGES, PAGE_SIZE, RowWindow } from '../../../renderer/queue/row-window.js';

function rows(page: number, count = PAGE_SIZE): QueueRow[] {
  return Array.from(
    { length: count },
    (_, i) => ({ id: `r${page * PAGE_SIZE + i}`, cursor: `c${page * PAGE_SIZE + i}` }) as QueueRow,
  );
}

describe('row window', () => {
  it('asks for a page after the nearest full page above it', () => {
    const window = new RowWindow();
    expect(window.requestFor(3)).toEqual({ after: null, offset: 300, limit: PAGE_SIZE });
    window.put(0, rows(0), true);
    window.put(1, rows(1), true);
    expect(window.requestFor(2)).toEqual({ after: 'c199', offset: 0, limit: PAGE_SIZE });
    expect(window.requestFor(5)).toEqual({ after: 'c199', offset: 300, limit: PAGE_SIZE });
    window.put(4, rows(4), true);
    expect(window.requestFor(5)).toEqual({ after: 'c499', offset: 0, limit: PAGE_SIZE });
  });

  it('serves rows by position and finds a loaded row by id', () => {
    const window = new RowWindow();
    window.put(2, rows(2), true);
    expect(window.rowAt(250)?.id).toBe('r250');
    expect(window.rowAt(50)).toBeUndefined();
    expect(window.indexOf('r299')).toBe(299);
    expect(window.indexOf('r1')).toBeNull();
  });

  it('knows the length from the count, or from a short last page', () => {
    const window = new RowWindow();
    window.put(0, rows(0), true);
    expect(window.rowCount()).toBe(2 * PAGE_SIZE);
    window.put(1, rows(1, 30), false);
    expect(window.rowCount()).toBe(130);
    expect(window.missingPages(0, 1000)).toEqual([]);
    window.setTotal(1_000_000);
    expect(window.rowCount()).toBe(1_000_000);
    expect(window.missingPages(990, 1010)).toEqual([9, 10]);
    expect(window.missingPages(205, 420)).toEqual([2, 3, 4]);
  });

  it('keeps only the pages nearest the viewport', () => {
    const window = new RowWindow();
    for (let page = 0; page < MAX_PAGES + 10; page += 1) window.put(page, rows(page), true);
    window.evictAround((MAX_PAGES + 9) * PAGE_SIZE);
    expect(window.hasPage(0)).toBe(false);
    expect(window.hasPage(MAX_PAGES + 9)).toBe(true);
    const kept = Array.from({ length: MAX_PAGES + 10 }, (_, page) => page).filter((page) => window.hasPage(page));
    expect(kept).toHaveLength(MAX_PAGES);
  });
});
