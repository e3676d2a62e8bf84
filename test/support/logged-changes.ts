// What a reference server's change log holds after a sequence number, parsed: for tests that
// look at the log directly rather than through GET /v1/changes.
import type { Store } from '../../server/store/store.js';

export function loggedChanges(store: Store, afterSeq = 0, limit = 10_000_000): unknown[] {
  return JSON.parse(`[${store.changes.pageBytes(afterSeq, limit).joined.toString()}]`) as unknown[];
}
