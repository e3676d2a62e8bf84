// Messages on the browser-mode socket. The page sends invocations; the host answers each by
// id and pushes events. Everything from the page is untrusted and parsed before use.
import { z } from 'zod';

export const SOCKET_PATH = '/ipc';

export const ClientMessage = z.strictObject({
  type: z.literal('invoke'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  channel: z.string().max(100),
  request: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessage>;

export type HostMessage =
  | { readonly type: 'result'; readonly id: number; readonly result: unknown }
  | { readonly type: 'event'; readonly event: string; readonly payload: unknown };
