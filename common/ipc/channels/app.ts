import { z } from 'zod';
import { channel } from '../define.js';

export const ShellKind = z.enum(['electron', 'browser']);

export const AppInfo = z.strictObject({
  version: z.string(),
  shell: ShellKind,
  platform: z.string(),
  /** True while the app syncs from the embedded demo server. */
  demo: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const APP_CHANNELS = {
  'app:info': channel(z.strictObject({}), AppInfo),
  /** A trivial round trip, used to prove the main thread stays free (sync bench). */
  'app:ping': channel(
    z.strictObject({ sentAt: z.number() }),
    z.strictObject({ sentAt: z.number(), repliedAt: z.number() }),
  ),
  /** Open an http(s) link in the system browser; the caller has already asked the user. */
  'app:open-external': channel(
    z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2048) }),
    z.strictObject({ opened: z.boolean() }),
  ),
} as const;
