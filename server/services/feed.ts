// GET /v1/changes: pages of the change log, or the reset reply. Pages are assembled from
// the stored JSON of each change, as bytes, so serving never parses, re-serialises or even
// decodes a record.
import { decodeCursor, encodeCursor } from '../store/cursor.js';
import type { Store } from '../store/store.js';

export const RESET_REASONS = {
  garbled: 'The cursor is not one this server issued; pull again from the beginning.',
  epoch: 'The server’s change feed was rebuilt; pull again from the beginning.',
  horizon: 'The cursor is older than the tombstone horizon; rebuild the cache from the beginning.',
  ahead:
    'The cursor is ahead of this server’s feed (was the server’s database replaced?); pull again from the beginning.',
} as const;
export type ResetReason = keyof typeof RESET_REASONS;

export function resetReply(reason: ResetReason): string {
  return JSON.stringify({ reset: true, reason: RESET_REASONS[reason] });
}

/** Where a cursor points, or why it cannot be served. An absent cursor is the beginning. */
export function cursorPosition(store: Store, cursor: string | undefined): number | ResetReason {
  if (cursor === undefined) return 0;
  const position = decodeCursor(cursor);
  if (position === null) return 'garbled';
  const log = store.changes;
  if (position.epoch !== log.epoch) return 'epoch';
  // Tombstones up to horizonSeq were purged. A cursor misses one only if it points before
  // it and was issued before the purge; a client that started pulling after the purge never
  // received the records those tombstones erased. Seq 0 has received nothing at all.
  if (position.seq > 0 && position.seq < log.horizonSeq && position.horizon < log.horizonSeq) return 'horizon';
  if (position.seq > log.lastSeq()) return 'ahead';
  return position.seq;
}

const PAGE_START = Buffer.from('{"changes":[');

/** The reply body, as UTF-8 JSON (ChangesPage or ChangesReset). */
export function readFeed(store: Store, cursor: string | undefined, limit: number): Buffer {
  const position = cursorPosition(store, cursor);
  if (typeof position === 'string') return Buffer.from(resetReply(position));
  const page = store.changes.pageBytes(position, limit);
  const lastSeq = page.lastSeq ?? position;
  const next = encodeCursor({ epoch: store.changes.epoch, seq: lastSeq, horizon: store.changes.horizonSeq });
  const remaining = page.hasMore ? store.changes.remainingAfter(lastSeq) : 0;
  const end = `],"next_cursor":${JSON.stringify(next)},"has_more":${page.hasMore},"remaining_estimate":${remaining}}`;
  return Buffer.concat([PAGE_START, page.joined, Buffer.from(end)]);
}
