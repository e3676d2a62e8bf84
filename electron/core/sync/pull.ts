// Pulls the change feed to its end. Each page is fetched as bytes, parsed and validated by
// the page parser (its own thread in the app), staged in the database worker and then
// committed with its cursor in one transaction. The next page is fetched and parsed while
// the database worker writes this one, so the network, the parsing and the disk work at the
// same time.
import type { DatabaseClient } from '../db/database-client.js';
import { ApiFailure } from './api-failure.js';
import { FeedReader } from './feed-reader.js';
import type { ApiClient } from './api-client.js';
import type { PageParser } from './page-parser.js';
import type { ParsedPage } from './parse-page.js';
import type { CommitResult } from './store/commit-page.js';
import type { SyncSummary } from './store/operations.js';

export interface PullProgress {
  readonly bootstrapping: boolean;
  readonly done: number;
  readonly estimatedTotal: number | null;
}

/** Steps of building what a bootstrap deferred (bulk-load.ts): done so far, of total. */
export interface IndexingProgress {
  readonly done: number;
  readonly total: number;
}

export interface PullContext {
  readonly db: DatabaseClient;
  readonly api: ApiClient;
  readonly parser: PageParser;
  readonly signal: AbortSignal;
  readonly pageSize: number;
  readonly bootstrapBatchRecords: number;
  readonly now: () => number;
  readonly onProgress: (progress: PullProgress) => void;
  readonly onPage: (result: Extract<CommitResult, { ok: true }>, bootstrapping: boolean) => void;
  /** After a bootstrap's last page, before each step of building what it deferred. */
  readonly onIndexing: (progress: IndexingProgress) => void;
  /** A step of that build changed what the views show (kinds as for 'data:changed'). */
  readonly onIndexingChanged: (kinds: readonly string[]) => void;
  /** The server asked for a rebuild: the mirror was dropped, the outbox kept. */
  readonly onReset: (reason: string) => void;
  /** Runs between pages (a push of what the user just did); true when it did something. */
  readonly betweenPages: () => Promise<boolean>;
}

/** A reset right after a reset means the server is broken, not that the cache is stale. */
const MAX_RESETS_PER_PULL = 3;

type PassOutcome =
  { readonly kind: 'caught_up'; readonly summary: SyncSummary } | { readonly kind: 'reset'; readonly reason: string };

interface StagedBatch {
  readonly records: number;
  readonly stageId: number;
  readonly nextCursor: string;
  readonly remaining: number | null;
}

async function pullPass(ctx: PullContext): Promise<PassOutcome> {
  const begin = await ctx.db.call('syncBeginPull', {});
  let cursor = begin.cursor;
  let done = 0;
  /** Pages staged but not yet committed: their records, and the last one's id and next cursor. */
  let pending = null as StagedBatch | null;
  const commit = async (): Promise<void> => {
    if (pending === null) return;
    const batch = pending;
    pending = null;
    const committed = await ctx.db.call('syncCommitPages', {
      throughStageId: batch.stageId,
      cursor,
      nowMs: ctx.now(),
    });
    // Only this engine writes the cursor; if it moved, the next pass starts from it.
    if (!committed.ok) throw new Error('The local sync position changed during a pull.');
    cursor = batch.nextCursor;
    done += batch.records;
    ctx.onPage(committed, begin.bootstrapping);
    ctx.onProgress({
      bootstrapping: begin.bootstrapping,
      done,
      estimatedTotal: batch.remaining === null ? null : done + batch.remaining,
    });
  };
  ctx.onProgress({ bootstrapping: begin.bootstrapping, done, estimatedTotal: null });
  const reader = new FeedReader(ctx, cursor);
  const stage = async (page: Extract<ParsedPage, { kind: 'page' }>): Promise<void> => {
    const { stageId } = await ctx.db.call('syncStagePage', {
      text: page.text,
      invalid: page.invalid,
      nextCursor: page.nextCursor,
    });
    pending = {
      records: (pending?.records ?? 0) + page.count,
      stageId,
      nextCursor: page.nextCursor,
      remaining: page.remaining,
    };
  };
  let outcome: PassOutcome | null = null;
  try {
    for (let more = true; more;) {
      const page: ParsedPage = await reader.next();
      if (page.kind === 'reset') return (outcome = { kind: 'reset', reason: page.reason });
      if (page.kind === 'invalid') throw new ApiFailure('bad_reply', page.reason);
      more = page.hasMore;
      await stage(page);
      // A bootstrap commits several pages per transaction; later pulls commit every page, so a
      // colleague's change shows up at once.
      if (begin.bootstrapping && more && (pending?.records ?? 0) < ctx.bootstrapBatchRecords) continue;
      await commit();
      // The push may have changed what the pages read ahead should contain.
      if (more && (await ctx.betweenPages())) reader.restartFrom(cursor);
    }
    if (begin.bootstrapping) {
      // Indexes deferred for the bulk load, one per request, so the queue's reads interleave.
      const total = await ctx.db.call('syncBulkStepsLeft', {});
      for (let left = total; left > 0;) {
        ctx.onIndexing({ done: total - left, total });
        const step = await ctx.db.call('syncFinishBulkStep', {});
        if (step.kinds.length > 0) ctx.onIndexingChanged(step.kinds);
        left = step.remaining;
      }
    }
    const summary = await ctx.db.call('syncFinishPull', { nowMs: ctx.now() });
    return (outcome = { kind: 'caught_up', summary });
  } finally {
    if (outcome === null) {
      // Stopped or failed part-way: every page received is valid, so it is written. The next
      // pass then starts where the last request left off — never behind a page already asked
      // for, which a replaying proxy could otherwise answer with that later page.
      const received = reader.drain();
      await (async () => {
        for (const page of received) {
          if (page.kind !== 'page') break;
          await stage(page);
        }
        await commit();
      })().catch(() => undefined);
      await ctx.db.call('syncAbortPull', {}).catch(() => undefined);
    } else {
      reader.cancel();
    }
  }
}

/** Pulls to the end of the feed, rebuilding the mirror when the server answers with a reset. */
export async function pullToEnd(ctx: PullContext): Promise<SyncSummary> {
  for (let resets = 0; ; resets += 1) {
    const outcome = await pullPass(ctx);
    if (outcome.kind === 'caught_up') return outcome.summary;
    if (resets >= MAX_RESETS_PER_PULL) {
      throw new ApiFailure('bad_reply', 'The server keeps asking for a rebuild of the local cache.');
    }
    await ctx.db.call('syncReset', {});
    ctx.onReset(outcome.reason);
  }
}
