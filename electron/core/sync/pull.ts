// Pulls the change feed to its end. Each page is fetched as bytes, handed to the database
// worker (moved, not copied), staged there (parsed and validated) and then committed with
// its cursor in one transaction. The next page is fetched while the worker stages and writes
// this one, so the network and the disk work at the same time.
import type { DatabaseClient } from '../db/database-client.js';
import { ApiFailure } from './api-failure.js';
import type { ApiClient } from './api-client.js';
import type { CommitResult } from './store/commit-page.js';
import type { SyncSummary } from './store/operations.js';

export interface PullProgress {
  readonly bootstrapping: boolean;
  readonly done: number;
  readonly estimatedTotal: number | null;
}

export interface PullContext {
  readonly db: DatabaseClient;
  readonly api: ApiClient;
  readonly signal: AbortSignal;
  readonly pageSize: number;
  readonly bootstrapBatchRecords: number;
  readonly now: () => number;
  readonly onProgress: (progress: PullProgress) => void;
  readonly onPage: (result: Extract<CommitResult, { ok: true }>, bootstrapping: boolean) => void;
  /** After a bootstrap's last page: indexes left to build. */
  readonly onIndexing: (remaining: number) => void;
  /** The server asked for a rebuild: the mirror was dropped, the outbox kept. */
  readonly onReset: (reason: string) => void;
  /** Runs between pages (a push of what the user just did); true when it did something. */
  readonly betweenPages: () => Promise<boolean>;
}

/** A reset right after a reset means the server is broken, not that the cache is stale. */
const MAX_RESETS_PER_PULL = 3;

interface Prefetch {
  readonly bytes: Promise<ArrayBuffer>;
  cancel(): void;
}

function fetchPage(ctx: PullContext, cursor: string | null): Prefetch {
  const controller = new AbortController();
  const signal = AbortSignal.any([ctx.signal, controller.signal]);
  const bytes = ctx.api.changes(cursor, ctx.pageSize, signal);
  // Observed later (or never, when cancelled): not an unhandled rejection meanwhile.
  bytes.catch(() => undefined);
  return {
    bytes,
    cancel: () => {
      controller.abort();
    },
  };
}

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
  let prefetch: Prefetch | null = fetchPage(ctx, cursor);
  let outcome: PassOutcome | null = null;
  try {
    while (prefetch !== null) {
      const body: ArrayBuffer = await prefetch.bytes;
      const page = await ctx.db.call('syncStagePage', { body }, { transfer: [body] });
      if (page.kind === 'reset') return (outcome = { kind: 'reset', reason: page.reason });
      if (page.kind === 'invalid') throw new ApiFailure('bad_reply', page.reason);
      prefetch = page.hasMore ? fetchPage(ctx, page.nextCursor) : null;
      pending = {
        records: (pending?.records ?? 0) + page.count,
        stageId: page.stageId,
        nextCursor: page.nextCursor,
        remaining: page.remaining,
      };
      // A bootstrap commits several pages per transaction; later pulls commit every page, so a
      // colleague's change shows up at once.
      if (begin.bootstrapping && page.hasMore && pending.records < ctx.bootstrapBatchRecords) continue;
      await commit();
      if (prefetch !== null && (await ctx.betweenPages())) {
        // The push may have changed what the prefetched page should contain.
        prefetch.cancel();
        prefetch = fetchPage(ctx, cursor);
      }
    }
    if (begin.bootstrapping) {
      // Indexes deferred for the bulk load, one per request, so the queue's reads interleave.
      for (let step = await ctx.db.call('syncFinishBulkStep', {}); step.remaining > 0;) {
        ctx.onIndexing(step.remaining);
        step = await ctx.db.call('syncFinishBulkStep', {});
      }
    }
    const summary = await ctx.db.call('syncFinishPull', { nowMs: ctx.now() });
    return (outcome = { kind: 'caught_up', summary });
  } finally {
    prefetch?.cancel();
    if (outcome === null) {
      // Stopped or failed part-way: what was staged is valid, so it is kept. The next pass
      // then starts where the last request left off — never behind a page already asked for,
      // which a replaying proxy could otherwise answer with that later page.
      await commit().catch(() => undefined);
      await ctx.db.call('syncAbortPull', {}).catch(() => undefined);
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
