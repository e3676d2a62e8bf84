// Reads the change feed ahead of the database: the next page is requested as soon as the
// last one is parsed, not when the writer asks for it, so that fetching and parsing go on
// while the database worker commits (a bootstrap commit takes a few hundred milliseconds;
// waiting for it left the worker idle a third of the time). One request at a time, and at
// most READ_AHEAD_PAGES parsed pages waiting: a pass that stops can write every page it
// received and so store the cursor of its last request (pull.ts says why that matters).
import type { ApiClient } from './api-client.js';
import type { PageParser } from './page-parser.js';
import type { ParsedPage } from './parse-page.js';

/** Parsed pages kept ahead of the writer (a few MB each). */
export const READ_AHEAD_PAGES = 4;

export interface FeedReaderContext {
  readonly api: Pick<ApiClient, 'changes'>;
  readonly parser: PageParser;
  readonly signal: AbortSignal;
  readonly pageSize: number;
}

export class FeedReader {
  private readonly ready: ParsedPage[] = [];
  /** The cursor to request next; null while a request is out, at the end or after a failure. */
  private nextCursor: string | null;
  private request: AbortController | null = null;
  private failure: { readonly error: unknown } | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly ctx: FeedReaderContext,
    cursor: string | null,
  ) {
    this.nextCursor = cursor;
    this.fetch(cursor);
  }

  /** The next page in feed order; rejects with the request's or the parser's error. */
  async next(): Promise<ParsedPage> {
    for (;;) {
      const page = this.ready.shift();
      if (page !== undefined) {
        this.refill();
        return page;
      }
      if (this.failure !== null) throw this.failure.error;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  /** The pages received and not yet taken, in order; reading stops. */
  drain(): ParsedPage[] {
    this.cancel();
    return this.ready.splice(0);
  }

  /** Drops what was read ahead and reads from this cursor instead. */
  restartFrom(cursor: string | null): void {
    this.cancel();
    this.ready.length = 0;
    this.failure = null;
    this.fetch(cursor);
  }

  cancel(): void {
    this.request?.abort();
    this.request = null;
    this.nextCursor = null;
  }

  private fetch(cursor: string | null): void {
    const controller = new AbortController();
    this.request = controller;
    this.nextCursor = null;
    const signal = AbortSignal.any([this.ctx.signal, controller.signal]);
    this.ctx.api
      .changes(cursor, this.ctx.pageSize, signal)
      .then((body) => this.ctx.parser.parse(body))
      .then(
        (page) => {
          if (this.request !== controller) return;
          this.request = null;
          this.ready.push(page);
          this.nextCursor = page.kind === 'page' && page.hasMore ? page.nextCursor : null;
          this.refill();
          this.notify();
        },
        (error: unknown) => {
          if (this.request !== controller) return;
          this.request = null;
          this.failure = { error };
          this.notify();
        },
      );
  }

  private refill(): void {
    if (this.request !== null || this.nextCursor === null || this.ready.length >= READ_AHEAD_PAGES) return;
    this.fetch(this.nextCursor);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
