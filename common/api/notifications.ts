// GET /v1/notifications — the messages sent to respondents when a loop is closed
// (mark_done with `inform`, or mark_informed with how = 'message'). The reference server
// records them instead of sending mail, so tests and demos can see what would go out.
import { z } from 'zod';
import { FreeText, Id, Instant, LanguageCode } from './primitives.js';

export const Notification = z.strictObject({
  id: Id,
  followup_id: Id,
  response_id: Id,
  end_user_id: Id,
  /** The staff member who closed the loop. */
  sent_by: Id,
  /** Where it would be delivered; null when only a phone number is known. */
  to_email: z.string().max(320).nullable(),
  message: FreeText(4000),
  language: LanguageCode.nullable(),
  created_at: Instant,
});
export type Notification = z.infer<typeof Notification>;

/** Managers may filter by anything; agents see the notifications they sent or whose follow-up they own. */
export const NotificationsQuery = z.strictObject({
  followup_id: Id.optional(),
  end_user_id: Id.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type NotificationsQuery = z.output<typeof NotificationsQuery>;

export const NotificationsReply = z.strictObject({ notifications: z.array(Notification) });
export type NotificationsReply = z.infer<typeof NotificationsReply>;
