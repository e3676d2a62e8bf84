// Pages parsed and validated (../parse-page.ts) wait in the database worker until
// commitStagedPages() writes them with their cursor; a bootstrap commits several at once.
// They wait as text and are parsed one at a time as the commit reaches them: a bootstrap's
// batch of 20,000 changes held as objects outlived several young-generation collections and
// was copied, then promoted, on each.
import type { Change } from '../../../../common/api/changes.js';
import type { Db } from '../../db/sqlite.js';
import { changesOfParsedPage, type InvalidAt, type InvalidChange } from '../parse-page.js';

export interface StagedPage {
  readonly stageId: number;
  /** For changesOfParsedPage(): the page's text and the places of its invalid changes. */
  readonly text: string;
  readonly invalid: readonly InvalidAt[];
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
    text: args.text,
    invalid: args.invalid,
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

/** The pages' changes in feed order, each page parsed only when the previous one is done. */
export function* stagedChanges(pages: readonly StagedPage[]): Generator<Change | InvalidChange> {
  for (const page of pages) yield* changesOfParsedPage(page.text, page.invalid);
}

/** A new pull pass starts from the stored cursor: what an interrupted pass staged is stale. */
export function clearStagedPages(db: Db): void {
  staged.delete(db);
}
