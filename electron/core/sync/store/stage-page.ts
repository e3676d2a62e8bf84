// Pages parsed and validated (../parse-page.ts) wait in the database worker until
// commitStagedPages() writes them with their cursor; a bootstrap commits several at once.
import type { Change } from '../../../../common/api/changes.js';
import type { Db } from '../../db/sqlite.js';
import { changesOfParsedPage, type InvalidAt, type InvalidChange } from '../parse-page.js';

export interface StagedPage {
  readonly stageId: number;
  /** In feed order; an invalid change keeps its place. */
  readonly changes: readonly (Change | InvalidChange)[];
  readonly nextCursor: string;
}

export interface StageArgs {
  /** From parseChangesPage(): trusted, it was validated there. */
  readonly text: string;
  readonly invalid: readonly InvalidAt[];
  readonly nextCursor: string;
}

/** Pages staged and not yet committed, in feed order. */
const staged = new WeakMap<Db, StagedPage[]>();
let lastStageId = 0;

export function stagePage(db: Db, args: StageArgs): { readonly stageId: number } {
  lastStageId += 1;
  const page: StagedPage = {
    stageId: lastStageId,
    changes: changesOfParsedPage(args.text, args.invalid),
    nextCursor: args.nextCursor,
  };
  staged.set(db, [...(staged.get(db) ?? []), page]);
  return { stageId: page.stageId };
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
