// Reading the feed ahead of the writer: pages keep coming while the writer is busy, one
// request at a time and no more than READ_AHEAD_PAGES ahead; a restart drops what was read
// ahead; a stop hands over what arrived, in order.
import { describe, expect, it } from 'vitest';
import { FeedReader, READ_AHEAD_PAGES } from '../../../electron/core/sync/feed-reader.js';
import { inProcessPageParser } from '../../../electron/core/sync/page-parser.js';

const PAGES = 10;

/** A feed of PAGES one-change pages; cursor "n" asks for page n. */
function fakeFeed() {
  const requests: (string | null)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const api = {
    changes: async (cursor: string | null): Promise<ArrayBuffer> => {
      requests.push(cursor);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight -= 1;
      const n = Number(cursor ?? 0);
      const page = {
        changes: [
          { kind: 'staff', data: { id: `s${n}`, name: 'S', email: 's@x.example', role: 'agent', active: true } },
        ],
        next_cursor: String(n + 1),
        has_more: n + 1 < PAGES,
      };
      return new TextEncoder().encode(JSON.stringify(page)).buffer;
    },
  };
  return { api, requests, maxInFlight: () => maxInFlight };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

function reader(api: ReturnType<typeof fakeFeed>['api']) {
  return new FeedReader({ api, parser: inProcessPageParser, signal: new AbortController().signal, pageSize: 1 }, null);
}

describe('reading the feed ahead', () => {
  it('keeps reading while the writer is busy, one request at a time, up to the limit', async () => {
    const feed = fakeFeed();
    const pages = reader(feed.api);
    await settle();
    // Nobody took a page yet: the reader stopped at the limit.
    expect(feed.requests).toEqual([null, ...Array.from({ length: READ_AHEAD_PAGES - 1 }, (_, i) => String(i + 1))]);
    const cursors: string[] = [];
    for (let more = true; more;) {
      const page = await pages.next();
      if (page.kind !== 'page') throw new Error(page.kind);
      cursors.push(page.nextCursor);
      more = page.hasMore;
    }
    expect(cursors).toEqual(Array.from({ length: PAGES }, (_, i) => String(i + 1)));
    expect(feed.maxInFlight()).toBe(1);
    expect(feed.requests).toHaveLength(PAGES);
  });

  it('drops what it read ahead when restarted, and hands over what arrived when stopped', async () => {
    const feed = fakeFeed();
    const pages = reader(feed.api);
    await pages.next();
    await settle();
    pages.restartFrom('1');
    await settle();
    const first = await pages.next();
    expect(first).toMatchObject({ kind: 'page', nextCursor: '2' });
    await settle();
    const received = pages.drain();
    expect(received.map((page) => (page.kind === 'page' ? page.nextCursor : page.kind))).toEqual(['3', '4', '5', '6']);
    const requested = feed.requests.length;
    await settle();
    expect(feed.requests).toHaveLength(requested);
  });
});
