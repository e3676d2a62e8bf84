import { describe, expect, it } from 'vitest';
import type { QueuePageRequest } from '../../../common/ipc/channels/queue.js';
import { DEFAULT_SORT, filtersWith } from '../../../common/queue/query.js';
import type { QueueRow } from '../../../common/queue/row.js';
import { RowLoader, type RowSource } from '../../../renderer/queue/row-loader.js';
import { PAGE_SIZE } from '../../../renderer/queue/row-window.js';

/** A queue held in an array, newest first; cursors are ids, located by position. */
class ArraySource implements RowSource {
  readonly requests: QueuePageRequest[] = [];
  constructor(public ids: string[]) {}

  page(request: QueuePageRequest) {
    this.requests.push(request);
    const start = (request.after === null ? 0 : this.ids.indexOf(request.after) + 1) + request.offset;
    const rows = this.ids.slice(start, start + request.limit).map((id) => ({ id, cursor: id }) as QueueRow);
    return Promise.resolve({ rows, hasMore: start + request.limit < this.ids.length });
  }

  count() {
    return Promise.resolve(this.ids.length);
  }

  locate(_query: unknown, cursor: string) {
    return Promise.resolve(this.ids.indexOf(cursor));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const query = { filters: filtersWith({}), sort: DEFAULT_SORT };

function ids(count: number, prefix = 'r'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

describe('row loader', () => {
  it('fetches the pages the viewport shows, continuing from loaded rows by cursor', async () => {
    const source = new ArraySource(ids(1000));
    const loader = new RowLoader(source);
    loader.setQuery(query);
    await settle();
    expect(loader.getSnapshot().window.total).toBe(1000);
    expect(loader.getSnapshot().window.rowAt(0)?.id).toBe('r0');
    // The first page, and the one below it ahead of a scroll.
    expect(source.requests).toEqual([
      { query, after: null, offset: 0, limit: PAGE_SIZE },
      { query, after: `r${PAGE_SIZE - 1}`, offset: 0, limit: PAGE_SIZE },
    ]);
    loader.show(350, 430);
    await settle();
    await settle();
    expect(loader.getSnapshot().window.rowAt(430)?.id).toBe('r430');
    // Both pages on screen are asked for at once, after the last row known above them (page 1's).
    expect(source.requests.slice(2, 4)).toEqual([
      { query, after: `r${2 * PAGE_SIZE - 1}`, offset: PAGE_SIZE, limit: PAGE_SIZE },
      { query, after: `r${2 * PAGE_SIZE - 1}`, offset: 2 * PAGE_SIZE, limit: PAGE_SIZE },
    ]);
  });

  it('then fetches the page on each side of the viewport, so a steady scroll finds its rows there', async () => {
    const source = new ArraySource(ids(1000));
    const loader = new RowLoader(source);
    loader.setQuery(query);
    await settle();
    loader.show(350, 430);
    for (let i = 0; i < 6; i += 1) await settle();
    const window = loader.getSnapshot().window;
    expect(source.requests).toHaveLength(6);
    expect([2, 3, 4, 5].map((page) => window.hasPage(page))).toEqual([true, true, true, true]);
    // Nothing further: page 6 starts more than a page below the viewport.
    expect(window.hasPage(6)).toBe(false);
  });

  it('keeps the rows on screen in place when new rows arrive above them', async () => {
    const source = new ArraySource(ids(1000));
    const loader = new RowLoader(source);
    loader.setQuery(query);
    await settle();
    loader.show(500, 530);
    for (let i = 0; i < 4; i += 1) await settle();
    const anchor = loader.getSnapshot().window.rowAt(500)!;
    const active = loader.getSnapshot().window.rowAt(510)!;
    source.ids = [...ids(7, 'new'), ...source.ids];
    const refreshed = await loader.refresh(
      { index: 500, cursor: anchor.cursor },
      { index: 510, cursor: active.cursor },
    );
    expect(refreshed).toMatchObject({ shift: 7, activeIndex: 517 });
    // Nothing moves on screen until the caller has arranged its scroll.
    expect(loader.getSnapshot().window.rowAt(500)?.id).toBe('r500');
    refreshed?.show();
    const window = loader.getSnapshot().window;
    expect(window.total).toBe(1007);
    expect(window.rowAt(507)?.id).toBe('r500');
    expect(window.rowAt(517)?.id).toBe('r510');
  });

  it('drops answers that a newer query overtook', async () => {
    const source = new ArraySource(ids(300));
    const loader = new RowLoader(source);
    loader.setQuery(query);
    source.ids = ids(5, 'other');
    loader.setQuery({ ...query, filters: filtersWith({ search: 'other' }) });
    await settle();
    expect(loader.getSnapshot().window.total).toBe(5);
    expect(loader.getSnapshot().window.rowAt(0)?.id).toBe('other0');
  });
});
