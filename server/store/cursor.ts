// The feed cursor: opaque to clients (base64url), exclusive, and never a timestamp. It names
// the feed's epoch — a random id replaced when the feed is rebuilt — and a sequence number.
const VERSION = 'c1';

export interface FeedPosition {
  readonly epoch: string;
  readonly seq: number;
}

export function encodeCursor(position: FeedPosition): string {
  return Buffer.from(`${VERSION}.${position.epoch}.${position.seq}`, 'utf8').toString('base64url');
}

/** null when the text is not a cursor this server could have issued. */
export function decodeCursor(cursor: string): FeedPosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  if (parts.length !== 3) return null;
  const [version, epoch, seqText] = parts as [string, string, string];
  if (version !== VERSION || !/^[a-f0-9]{16}$/.test(epoch) || !/^(0|[1-9][0-9]{0,15})$/.test(seqText)) return null;
  const seq = Number(seqText);
  return Number.isSafeInteger(seq) ? { epoch, seq } : null;
}
