// Where pages of the change feed are parsed and validated (parse-page.ts): on a thread of
// their own in the app (WorkerPageParser), so that parsing one page overlaps writing the
// previous one; on the calling thread in tests.
import { parseChangesPage, type ParsedPage } from './parse-page.js';

export interface PageParser {
  /** Takes the buffer: the caller's copy is detached afterwards (moved, not copied). */
  parse(body: ArrayBuffer): Promise<ParsedPage>;
  close(): Promise<void>;
}

export const inProcessPageParser: PageParser = {
  parse: (body) => Promise.resolve().then(() => parseChangesPage(structuredClone(body, { transfer: [body] }))),
  close: () => Promise.resolve(),
};
