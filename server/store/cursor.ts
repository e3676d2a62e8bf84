// The feed cursor: opaque to clients (base64url), exclusive, and never a timestamp. It names
// the feed's epoch (a random id replaced when the feed is rebuilt), a sequence number, and
// the tombstone horizon the server had when it issued the cursor — so that a client which
// started pulling after a purge is not reset for tombstones it never needed.
const VERSION = 'c1';

export interface FeedPosition {
  readonly epoch: string;
  readonly seq: number;
  /** The server's horizon sequence number when the cursor was issued. */
  readonly horizon: number;
}

const SEQ = /^(0|[1-9][0-9]{0,15})$/;

export function encodeCursor(position: FeedPosition): string {
  return Buffer.from(`${VERSION}.${position.epoch}.${position.seq}.${position.horizon}`, 'utf8').toString('base64url');
}

/** null when the text is not a cursor this server could have issued. */
export function decodeCursor(cursor: string): FeedPosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  if (parts.length !== 4) return null;
  const [version, epoch, seqText, horizonText] = parts as [string, string, string, string];
  if (version !== VERSION || !/^[a-f0-9]{16}$/.test(epoch) || !SEQ.test(seqText) || !SEQ.test(horizonText)) return null;
  const seq = Number(seqText);
  const horizon = Number(horizonText);
  return Number.isSafeInteger(seq) && Number.isSafeInteger(horizon) ? { epoch, seq, horizon } : null;
}
