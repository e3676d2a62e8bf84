import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, type PermissionSession } from '../../../electron/security/permissions.js';

type RequestHandler = Parameters<PermissionSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<PermissionSession['setPermissionCheckHandler']>[0];
type DeviceHandler = Parameters<PermissionSession['setDevicePermissionHandler']>[0];

function fakeSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler } = {};
  const session: PermissionSession = {
    setPermissionRequestHandler: (handler) => {
      handlers.request = handler;
    },
    setPermissionCheckHandler: (handler) => {
      handlers.check = handler;
    },
    setDevicePermissionHandler: (handler) => {
      handlers.device = handler;
    },
  };
  return { session, handlers };
}

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'openExternal',
  'hid',
  'fullscreen',
] as const;

describe('denyAllPermissions', () => {
  it('answers every permission request with no, and reports it', () => {
    const { session, handlers } = fakeSession();
    const onDenied = vi.fn();
    denyAllPermissions(session, onDenied);
    for (const permission of PERMISSIONS) {
      const callback = vi.fn();
      handlers.request?.({} as never, permission, callback, {} as never);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(onDenied).toHaveBeenLastCalledWith(permission);
    }
  });

  it('answers every permission check and device check with false', () => {
    const { session, handlers } = fakeSession();
    denyAllPermissions(session);
    expect(handlers.check).toBeTypeOf('function');
    expect(handlers.device).toBeTypeOf('function');
    for (const permission of PERMISSIONS) {
      expect(handlers.check?.(null, permission, 'app://loopdesk', {} as never), permission).toBe(false);
    }
    expect(handlers.device?.({} as never)).toBe(false);
  });
});
