// Which IPC messages the main process answers. A message is trusted only when it comes
// from the main frame of our own window while that frame shows our app:// origin: not from
// a subframe, not from another window or webContents, not from a page that navigated
// elsewhere, and not when Electron no longer knows the frame (senderFrame is null).
import { isAppUrl } from './origin.js';

/** The WebFrameMain fields the check reads (a fake in tests). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly frameToken: string;
  readonly detached: boolean;
}

/** The IpcMainInvokeEvent fields the check reads. */
export interface SenderLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

/** The window's webContents, or null when there is no window (then nothing is trusted). */
export interface TrustedContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
}

export function isTrustedSender(event: SenderLike, contents: TrustedContentsLike | null): boolean {
  if (contents === null) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.detached) return false;
  if (event.sender.id !== contents.id) return false;
  // WebFrameMain objects are not guaranteed to be the same JS object for the same frame, so
  // the frame is identified by its renderer process and frame token.
  const main = contents.mainFrame;
  const isMainFrame =
    frame.parent === null && frame.processId === main.processId && frame.frameToken === main.frameToken;
  return isMainFrame && isAppUrl(frame.url);
}
