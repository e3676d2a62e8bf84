// Where the notice rules stopped last time: the newest audit-trail row they have looked at
// (followup_events' rowid: server events are only ever appended, so new ones always sort
// after it) and when they last looked (for "became overdue since"). Per signed-in person:
// signing in as someone else starts afresh rather than replaying their history as news.
import { z } from 'zod';
import { getSetting } from '../../db/readers/get-setting.js';
import type { Db } from '../../db/sqlite.js';
import { putSetting } from '../../db/writers/put-setting.js';

export const NOTICE_STATE_SETTING = 'followups.notice_state';

export const NoticeState = z.strictObject({
  meId: z.string(),
  eventRowid: z.number().int().min(0),
  checkedAt: z.number(),
});
export type NoticeState = z.infer<typeof NoticeState>;

export function readNoticeState(db: Db): NoticeState | null {
  const parsed = NoticeState.safeParse(getSetting(db, NOTICE_STATE_SETTING));
  return parsed.success ? parsed.data : null;
}

/** Bookkeeping that can be rebuilt: written with the connection's ordinary durability. */
export function writeNoticeState(db: Db, state: NoticeState): void {
  putSetting(db, NOTICE_STATE_SETTING, state, state.checkedAt);
}
