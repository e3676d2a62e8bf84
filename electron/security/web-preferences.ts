// The webPreferences of every Loopdesk window, following the Electron security checklist.
// One factory so that no window can be created with a weaker setting by accident; a unit
// test asserts each value.
import type { WebPreferences } from 'electron';

export interface WebPreferencesOptions {
  /** Absolute path of dist/node/preload.cjs. */
  readonly preloadPath: string;
  /** The allow-list arguments for the preload (bridge-policy encodeAllowListArguments). */
  readonly preloadArguments: readonly string[];
  /** DevTools in development only: they can run arbitrary code in the page. */
  readonly devTools: boolean;
}

export function createWebPreferences(options: WebPreferencesOptions): WebPreferences {
  return {
    preload: options.preloadPath,
    additionalArguments: [...options.preloadArguments],
    // The page and the preload run in separate JavaScript worlds; only contextBridge crosses.
    contextIsolation: true,
    // The renderer runs in Chromium's OS sandbox, with no Node.js anywhere in it.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // No <webview>: it would be a second, separately configured renderer inside ours.
    webviewTag: false,
    // Dropping a file on the window must not navigate away from the app.
    navigateOnDragDrop: false,
    // A page stuck in an alert() loop can be stopped by the user.
    safeDialogs: true,
    webgl: false,
    plugins: false,
    enableWebSQL: false,
    spellcheck: true,
    devTools: options.devTools,
  };
}
