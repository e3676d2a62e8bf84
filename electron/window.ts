// The one Loopdesk window. Its webPreferences come from the audited factory; it loads the
// renderer from app:// and appears only once painted, on a background that matches the OS
// theme so that neither a white flash nor a black one greets a dark- or light-mode user.
import { BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './security/origin.js';
import { createWebPreferences, type WebPreferencesOptions } from './security/web-preferences.js';

/** The renderer's --bg in each theme (renderer/styles/theme.css); keep the two in step. */
export const WINDOW_BACKGROUND = { dark: '#12141a', light: '#f6f7f9' } as const;

/** If ready-to-show never fires (a renderer crash at start), show the window anyway. */
export const SHOW_FALLBACK_MS = 5_000;

export function backgroundColorFor(dark: boolean): string {
  return dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
}

export function mainWindowOptions(preferences: WebPreferencesOptions, dark: boolean): BrowserWindowConstructorOptions {
  return {
    // A stable name lets Electron remember position, size and maximised state.
    name: 'loopdesk-main',
    windowStatePersistence: true,
    title: 'Loopdesk',
    width: 1280,
    height: 820,
    // The triage queue beside a detail pane needs this much room to stay usable.
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: backgroundColorFor(dark),
    webPreferences: createWebPreferences(preferences),
  };
}

export interface MainWindowOptions extends WebPreferencesOptions {
  readonly logError: (context: string, error: unknown) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options, nativeTheme.shouldUseDarkColors));

  const show = (): void => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  };
  window.once('ready-to-show', show);
  const fallback = setTimeout(show, SHOW_FALLBACK_MS);

  const followTheme = (): void => {
    if (!window.isDestroyed()) window.setBackgroundColor(backgroundColorFor(nativeTheme.shouldUseDarkColors));
  };
  nativeTheme.on('updated', followTheme);
  window.once('closed', () => {
    clearTimeout(fallback);
    nativeTheme.off('updated', followTheme);
  });

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    options.logError(`loading ${APP_ENTRY_URL}`, error);
  });
  return window;
}
