// The Electron runtime cannot run here, so electron/main.ts is booted against a fake
// 'electron' module: this proves the wiring (what happens before and after ready, which
// guards are installed, how IPC is validated) that the pure-function tests cannot see.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../common/ipc/contract.js';
import { buildContentSecurityPolicy } from '../../../electron/core/security/csp.js';
import { parseAllowListArguments } from '../../../electron/security/bridge-policy.js';
import type * as FakeElectron from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

type Fake = typeof FakeElectron;

let tmp: string;
let appPath: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-main-'));
  appPath = path.join(tmp, 'app');
  mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Loopdesk</title>');
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const processListeners = (): ((...args: unknown[]) => void)[] =>
  process.listeners('unhandledRejection') as ((...args: unknown[]) => void)[];
let before: ((...args: unknown[]) => void)[] = [];
let warn = vi.spyOn(console, 'warn');
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
  for (const listener of processListeners()) {
    if (!before.includes(listener)) process.off('unhandledRejection', listener);
  }
});

async function boot(options: { lock?: boolean; ready?: boolean } = {}): Promise<Fake> {
  vi.resetModules();
  // Whatever instance the mock resolves to is the one main.ts will get.
  const fake = (await import('electron')) as unknown as Fake;
  fake.resetFakeElectron();
  fake.state.singleInstanceLock = options.lock ?? true;
  fake.state.appPath = appPath;
  fake.state.userData = mkdtempSync(path.join(tmp, 'userData-'));
  before = processListeners();
  await import('../../../electron/main.js');
  if (options.ready ?? true) {
    fake.app.makeReady();
    await vi.waitFor(() => {
      expect(fake.state.windows).toHaveLength(1);
    });
  }
  return fake;
}

function invokeAs(fake: Fake, frame: unknown, senderId: number, channel: unknown, request: unknown): Promise<unknown> {
  const handler = fake.state.ipcHandlers.get('loopdesk:invoke');
  if (handler === undefined) throw new Error('no invoke handler');
  return Promise.resolve(handler({ sender: { id: senderId }, senderFrame: frame }, channel, request));
}

describe('electron/main.ts', () => {
  it('registers app:// as privileged and enables the sandbox before ready', async () => {
    const fake = await boot({ ready: false });
    const early = fake.state.calls.filter((call) => !call.ready).map((call) => call.name);
    expect(early).toContain('registerSchemesAsPrivileged');
    expect(early).toContain('enableSandbox');
    expect(early).toContain('requestSingleInstanceLock');
    expect(fake.state.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(fake.state.protocolHandlers.size).toBe(0);
    expect(fake.state.windows).toHaveLength(0);
  });

  it('serves the renderer over app:// with the strict CSP once ready', async () => {
    const fake = await boot();
    const handler = fake.state.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('app://loopdesk/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Loopdesk</title>');
    expect(response.headers.get('content-security-policy')).toBe(buildContentSecurityPolicy());
    expect((await handler!(new Request('app://loopdesk/..%2f..%2fpackage.json'))).status).toBe(404);
  });

  it('creates the profile folder 0700 under userData', async () => {
    const fake = await boot();
    const profile = path.join(fake.state.userData, 'profile');
    expect(statSync(profile).isDirectory()).toBe(true);
    if (process.platform !== 'win32') expect(statSync(profile).mode & 0o777).toBe(0o700);
  });

  it('denies every permission on the default session', async () => {
    const fake = await boot();
    const callback = vi.fn();
    fake.state.permissionHandlers.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.state.permissionHandlers.check?.()).toBe(false);
    expect(fake.state.permissionHandlers.device?.()).toBe(false);
  });

  it('opens a sandboxed window with the preload and the contract’s allow-lists', async () => {
    const fake = await boot();
    const window = fake.state.windows[0]!;
    const prefs = window.options.webPreferences!;
    expect(prefs.preload).toBe(path.join(appPath, 'dist', 'node', 'preload.cjs'));
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: true });
    const allow = parseAllowListArguments(prefs.additionalArguments ?? []);
    expect([...allow.channels]).toEqual([...CHANNEL_NAMES]);
    expect(allow.events.has('sync:status')).toBe(true);
    expect(window.loaded).toEqual(['app://loopdesk/index.html']);
    // Hardened through web-contents-created before loading.
    expect(window.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('answers the window’s main frame and refuses every other sender', async () => {
    const fake = await boot();
    const contents = fake.state.windows[0]!.webContents;
    const ping = await invokeAs(fake, contents.mainFrame, contents.id, 'app:ping', { sentAt: 5 });
    expect(ping).toMatchObject({ ok: true, value: { sentAt: 5 } });

    const subframe = { ...contents.mainFrame, parent: contents.mainFrame, frameToken: 'sub' };
    const refusals = [
      await invokeAs(fake, subframe, contents.id, 'app:ping', { sentAt: 5 }),
      await invokeAs(fake, null, contents.id, 'app:ping', { sentAt: 5 }),
      await invokeAs(fake, { ...contents.mainFrame, url: 'file:///x/index.html' }, contents.id, 'app:ping', {
        sentAt: 5,
      }),
      await invokeAs(fake, contents.mainFrame, contents.id + 1000, 'app:ping', { sentAt: 5 }),
    ];
    for (const result of refusals) expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(warn).toHaveBeenCalledTimes(refusals.length);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('refused an IPC call from file:///x/index.html'));

    await expect(invokeAs(fake, contents.mainFrame, contents.id, 'app:nope', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });

  it('sends core events to the window once its document is ready', async () => {
    const fake = await boot();
    const contents = fake.state.windows[0]!.webContents;
    const emit = vi.spyOn(contents, 'send');
    contents.emit('dom-ready');
    // The core has emitted nothing yet; the forwarder is connected without error and sends
    // only on the event channel.
    for (const call of emit.mock.calls) expect(call[0]).toBe('loopdesk:event');
  });

  it('opens app:open-external links through shell.openExternal', async () => {
    const fake = await boot();
    const contents = fake.state.windows[0]!.webContents;
    const result = await invokeAs(fake, contents.mainFrame, contents.id, 'app:open-external', {
      url: 'https://example.com/a',
    });
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(fake.state.openedExternally).toEqual(['https://example.com/a']);
  });

  it('asks before opening a link the page tried to open, and opens it only on yes', async () => {
    const fake = await boot();
    const contents = fake.state.windows[0]!.webContents;
    fake.state.messageBoxResponse = 0; // Cancel
    contents.windowOpenHandler?.({ url: 'https://example.com/no' });
    await vi.waitFor(() => {
      expect(fake.state.messageBoxes).toHaveLength(1);
    });
    expect(fake.state.messageBoxes[0]?.detail).toBe('https://example.com/no');
    expect(fake.state.openedExternally).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0)); // one question at a time
    fake.state.messageBoxResponse = 1; // Open
    contents.windowOpenHandler?.({ url: 'https://example.com/yes' });
    await vi.waitFor(() => {
      expect(fake.state.openedExternally).toEqual(['https://example.com/yes']);
    });
  });

  it('closes the core before quitting', async () => {
    const fake = await boot();
    const event = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => {
      expect(fake.state.quitCount).toBe(1);
    });
    const again = { preventDefault: vi.fn() };
    fake.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    const fake = await boot({ lock: false, ready: false });
    expect(fake.state.quitCount).toBe(1);
    fake.app.makeReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.protocolHandlers.size).toBe(0);
    expect(fake.state.ipcHandlers.size).toBe(0);
  });

  it('focuses the existing window on a second launch', async () => {
    const fake = await boot();
    const window = fake.state.windows[0]!;
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(fake.state.calls.map((call) => call.name)).toContain('window.focus');
  });

  it.runIf(process.platform !== 'darwin')('quits when the window is closed', async () => {
    const fake = await boot();
    fake.state.windows[0]!.close();
    fake.app.emit('window-all-closed');
    expect(fake.state.quitCount).toBe(1);
  });
});
