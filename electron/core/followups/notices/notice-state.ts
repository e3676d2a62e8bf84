// Where the notice rules stopped last time, per person signed in on this install: the newest
// audit-trail row looked at (followup_events' rowid: server events are only ever appended, so
// new ones sort after it) and when (for "became overdue since"). Kept per person so that
// someone signing in again (demo mode switches people on one cache) hears what happened
// while they were away, and someone new starts afresh instead of getting the history as news.
import { z } from 'zod';
import { getSetting } from '../../db/readers/get-setting.js';
import type { Db } from '../../db/sqlite.js';
import { putSetting } from '../../db/writers/put-setting.js';

export const NOTICE_STATE_SETTING = 'followups.notice_state';
/** People remembered; the one who has not signed in for longest is forgotten first. */
export const MAX_PEOPLE = 20;

const Watermark = z.strictObject({ eventRowid: z.number().int().min(0), checkedAt: z.number() });
export type Watermark = z.infer<typeof Watermark>;
const NoticeState = z.record(z.string(), Watermark);

function readAll(db: Db): Record<string, Watermark> {
  const parsed = NoticeState.safeParse(getSetting(db, NOTICE_STATE_SETTING));
  return parsed.success ? parsed.data : {};
}

export function readWatermark(db: Db, staffId: string): Watermark | null {
  return readAll(db)[staffId] ?? null;
}

/** Bookkeeping that can be rebuilt: written with the connection's ordinary durability. */
export function writeWatermark(db: Db, staffId: string, watermark: Watermark): void {
  const people = Object.entries({ ...readAll(db), [staffId]: watermark })
    .sort(([, a], [, b]) => b.checkedAt - a.checkedAt)
    .slice(0, MAX_PEOPLE);
  putSetting(db, NOTICE_STATE_SETTING, Object.fromEntries(people), watermark.checkedAt);
}
