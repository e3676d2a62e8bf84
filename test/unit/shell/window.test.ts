import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebPreferences } from '../../../electron/security/web-preferences.js';

vi.mock('electron', () => import('./fake-electron.js'));

const fakes = await import('./fake-electron.js');
const { backgroundColorFor, createMainWindow, mainWindowOptions, SHOW_FALLBACK_MS, WINDOW_BACKGROUND } =
  await import('../../../electron/window.js');

type FakeWindow = InstanceType<typeof fakes.BrowserWindow>;

const PREFS = {
  preloadPath: '/app/dist/node/preload.cjs',
  preloadArguments: ['--loopdesk-channels=app:ping'],
  devTools: false,
};

describe('createWebPreferences', () => {
  it('locks the renderer down as the Electron security checklist asks', () => {
    const prefs = createWebPreferences(PREFS);
    expect(prefs).toMatchObject({
      preload: '/app/dist/node/preload.cjs',
      additionalArguments: ['--loopdesk-channels=app:ping'],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      plugins: false,
      spellcheck: true,
      devTools: false,
    });
    // No remote module (gone since Electron 14: must not reappear), no Blink feature flags.
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('partition');
    expect(createWebPreferences({ ...PREFS, devTools: true }).devTools).toBe(true);
  });

  it('does not share its argument list with the caller', () => {
    const args = ['--a=b'];
    const prefs = createWebPreferences({ ...PREFS, preloadArguments: args });
    args.push('--evil');
    expect(prefs.additionalArguments).toEqual(['--a=b']);
  });
});

describe('mainWindowOptions', () => {
  it('starts hidden, with a sensible size, minimum size and the theme background', () => {
    const options = mainWindowOptions(PREFS, true);
    expect(options.show).toBe(false);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? Infinity);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? Infinity);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(500);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND.dark);
    expect(mainWindowOptions(PREFS, false).backgroundColor).toBe(WINDOW_BACKGROUND.light);
    expect(options.webPreferences).toEqual(createWebPreferences(PREFS));
  });

  it('uses distinct dark and light backgrounds', () => {
    expect(backgroundColorFor(true)).not.toBe(backgroundColorFor(false));
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    fakes.state.windows.length = 0;
    fakes.nativeTheme.shouldUseDarkColors = false;
  });
  afterEach(() => {
    vi.useRealTimers();
    fakes.nativeTheme.removeAllListeners();
  });

  it('loads app://loopdesk/index.html and shows the window once ready to show', () => {
    fakes.nativeTheme.shouldUseDarkColors = true;
    const window = createMainWindow({ ...PREFS, logError: vi.fn() }) as unknown as FakeWindow;
    expect(window.options.backgroundColor).toBe(WINDOW_BACKGROUND.dark);
    expect(window.options.webPreferences?.sandbox).toBe(true);
    expect(window.loaded).toEqual(['app://loopdesk/index.html']);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    window.emit('closed');
  });

  it('shows the window after a delay even if ready-to-show never comes', () => {
    vi.useFakeTimers();
    const window = createMainWindow({ ...PREFS, logError: vi.fn() }) as unknown as FakeWindow;
    vi.advanceTimersByTime(SHOW_FALLBACK_MS - 1);
    expect(window.visible).toBe(false);
    vi.advanceTimersByTime(1);
    expect(window.visible).toBe(true);
  });

  it('follows the OS theme while open, and stops listening when closed', () => {
    const window = createMainWindow({ ...PREFS, logError: vi.fn() }) as unknown as FakeWindow;
    fakes.nativeTheme.shouldUseDarkColors = true;
    fakes.nativeTheme.emit('updated');
    expect(window.background).toBe(WINDOW_BACKGROUND.dark);
    window.emit('closed');
    expect(fakes.nativeTheme.listenerCount('updated')).toBe(0);
  });

  it('logs a failed load instead of leaving an unhandled rejection', async () => {
    const logError = vi.fn();
    const spy = vi
      .spyOn(fakes.BrowserWindow.prototype, 'loadURL')
      .mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND'));
    createMainWindow({ ...PREFS, logError });
    await vi.waitFor(() => {
      expect(logError).toHaveBeenCalledOnce();
    });
    spy.mockRestore();
  });
});
