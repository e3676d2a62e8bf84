// A cursor is the position of a row in its sort: the segment's key and the row's values of
// the segment's terms, as JSON text. The renderer stores it and hands it back unread.
import { z } from 'zod';
import type { QueueCursor } from '../../../../common/queue/row.js';
import { StaleCursorError, type CursorValue, type Position, type Segment } from './sort-plan.js';

const CursorJson = z.tuple([z.string().min(1).max(200)], z.union([z.string().max(1000), z.number(), z.null()]));

export function encodeCursor(position: Position): QueueCursor {
  return JSON.stringify([position.segmentKey, ...position.values]);
}

/** Throws StaleCursorError for text that is not a cursor. */
export function decodeCursor(cursor: QueueCursor): Position {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    throw new StaleCursorError();
  }
  const result = CursorJson.safeParse(parsed);
  if (!result.success) throw new StaleCursorError();
  const [segmentKey, ...values] = result.data;
  return { segmentKey, values };
}

export function positionOf(segment: Segment, row: Readonly<Record<string, unknown>>): Position {
  return { segmentKey: segment.key, values: segment.terms.map((t) => row[t.column] as CursorValue) };
}
