// The first half of applying a page, on the worker: the bytes the main thread fetched (and
// transferred without a copy) are decoded, parsed and validated here — the envelope first,
// then each change on its own, so that one bad record is quarantined instead of refusing
// the page. The result waits in the worker for commitStagedPages(); the main thread learns
// only the next cursor, so it can fetch the next page while this one is written.
import type { z } from 'zod';
import { Change, ChangesPageEnvelope, ChangesReset } from '../../../../common/api/changes.js';
import type { Db } from '../../db/sqlite.js';

export interface InvalidChange {
  readonly payload: unknown;
  readonly reason: string;
}

export interface StagedPage {
  readonly stageId: number;
  /** In feed order; an invalid change keeps its place. */
  readonly changes: readonly (Change | InvalidChange)[];
  readonly nextCursor: string;
  readonly hasMore: boolean;
}

export type StageResult =
  | {
      readonly kind: 'page';
      readonly stageId: number;
      readonly count: number;
      readonly nextCursor: string;
      readonly hasMore: boolean;
      /** The server's estimate of changes after this page; null when it gave none. */
      readonly remaining: number | null;
    }
  | { readonly kind: 'reset'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Pages staged and not yet committed, in feed order (a bootstrap commits several at once). */
const staged = new WeakMap<Db, StagedPage[]>();
let lastStageId = 0;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** One line, short enough for a status bar and a log: the first few issues with their paths. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
    .slice(0, 500);
}

export function isInvalidChange(change: Change | InvalidChange): change is InvalidChange {
  return 'reason' in change;
}

export function stagePage(db: Db, body: ArrayBuffer): StageResult {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(body));
  } catch {
    return { kind: 'invalid', reason: 'The server sent a page of the change feed that is not valid JSON.' };
  }
  const reset = ChangesReset.safeParse(json);
  if (reset.success) return { kind: 'reset', reason: reset.data.reason };
  const envelope = ChangesPageEnvelope.safeParse(json);
  if (!envelope.success) {
    return { kind: 'invalid', reason: `The server sent a malformed page (${describeIssues(envelope.error)}).` };
  }
  const changes = envelope.data.changes.map((payload): Change | InvalidChange => {
    const parsed = Change.safeParse(payload);
    return parsed.success ? parsed.data : { payload, reason: describeIssues(parsed.error) };
  });
  lastStageId += 1;
  const page: StagedPage = {
    stageId: lastStageId,
    changes,
    nextCursor: envelope.data.next_cursor,
    hasMore: envelope.data.has_more,
  };
  staged.set(db, [...(staged.get(db) ?? []), page]);
  return {
    kind: 'page',
    stageId: page.stageId,
    count: changes.length,
    nextCursor: page.nextCursor,
    hasMore: page.hasMore,
    remaining: envelope.data.remaining_estimate ?? null,
  };
}

/** The staged pages up to and including stageId, handed over once; null when it is not staged. */
export function takeStagedPages(db: Db, stageId: number): StagedPage[] | null {
  const pages = staged.get(db) ?? [];
  const end = pages.findIndex((page) => page.stageId === stageId);
  if (end < 0) return null;
  staged.set(db, pages.slice(end + 1));
  return pages.slice(0, end + 1);
}

/** A new pull pass starts from the stored cursor: what an interrupted pass staged is stale. */
export function clearStagedPages(db: Db): void {
  staged.delete(db);
}
