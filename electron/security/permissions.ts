// Loopdesk needs no web permission: no camera, microphone, location, notifications via the
// web API (the shell shows native ones), clipboard read, HID/USB/serial or fullscreen
// requests. Chromium's default for an unhandled request in Electron is to grant it, so every
// request, check and device permission is answered "no" explicitly.
import type { Session } from 'electron';

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export function denyAllPermissions(session: PermissionSession, onDenied?: (permission: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    onDenied?.(permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
