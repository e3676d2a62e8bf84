// The Electron main process: a thin shell around electron/core. It owns only what needs
// Electron — the window, the app:// protocol, IPC wiring, dialogs, the system browser — and
// every decision it makes lives in a plain, unit-tested function (security/*, protocol.ts,
// ipc-bridge.ts). Bundled by scripts/build.mjs to dist/node/main.cjs (package.json "main").
import path from 'node:path';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { CHANNEL_NAMES } from '../common/ipc/contract.js';
import { IPC_EVENTS } from '../common/ipc/events.js';
import { createCore, type LoopdeskCore } from './core/app/create-core.js';
import type { ShellServices } from './core/app/shell-services.js';
import { watchSystemEvents } from './core/sync/system-events.js';
import { ensurePrivateDirectory } from './core/db/private-files.js';
import type { OsKeyStore } from './core/vault/key-store.js';
import { createOsKeyStore } from './keychain.js';
import { createDesktopNotifier } from './desktop-notification.js';
import { startEmbeddedDemoServer } from './embedded-demo-server.js';
import { forwardEventsToContents, registerInvokeHandler } from './ipc-bridge.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.js';
import { encodeAllowListArguments } from './security/bridge-policy.js';
import {
  classifyExternalUrl,
  createExternalLinkOpener,
  externalLinkDialogOptions,
  OPEN_BUTTON_INDEX,
} from './security/external-links.js';
import { hardenWebContents } from './security/navigation.js';
import { APP_SCHEME } from './security/origin.js';
import { denyAllPermissions } from './security/permissions.js';
import { createQuitCoordinator } from './security/quit.js';
import { isTrustedSender } from './security/sender.js';
import { createMainWindow } from './window.js';

const APP_USER_MODEL_ID = 'app.loopdesk.desktop'; // = electron-builder.yml appId

function logError(context: string, error: unknown): void {
  console.error(`[loopdesk] ${context}:`, error);
}

/** Expected refusals (a denied permission, a refused sender): one line, no stack. */
function logWarning(message: string): void {
  console.warn(`[loopdesk] ${message}`);
}

// --- Before `ready`: Electron only accepts these this early. ---------------------------

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Every renderer, including any a library might create, runs in the OS sandbox.
app.enableSandbox();
// Windows groups taskbar entries and routes notifications by this id.
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

let mainWindow: BrowserWindow | null = null;

function liveWindow(): BrowserWindow | null {
  return mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
}

// Links the page tries to follow (clicks, window.open) go to the system browser only after
// the user has read the full address and said yes.
const offerExternal = createExternalLinkOpener({
  confirm: async (url) => {
    const options = externalLinkDialogOptions(url);
    const parent = liveWindow();
    const { response } =
      parent === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(parent, options);
    return response === OPEN_BUTTON_INDEX;
  },
  open: (url) => shell.openExternal(url),
  logError,
});

// Applied to every webContents as it is created, before it can load anything.
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, {
    offerExternal: (url) => {
      void offerExternal(url);
    },
  });
});

process.on('unhandledRejection', (reason) => {
  logError('unhandled rejection', reason);
});

// --- After `ready`. ----------------------------------------------------------------------

function electronShellServices(profileDir: string, osKeyStore: OsKeyStore | null): ShellServices {
  return {
    kind: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    profileDir,
    // The page has already asked the user (contract of app:open-external); here only the
    // scheme is enforced, so a compromised page can at most open a web page.
    openExternal: async (url) => {
      const decision = classifyExternalUrl(url);
      if (!decision.allowed) return false;
      await shell.openExternal(decision.url);
      return true;
    },
    startDemoServer: () => startEmbeddedDemoServer(profileDir),
    logError,
    // Null where the OS keychain would not really protect the key (no keychain, or Linux's
    // basic_text backend): the vault then asks for a passphrase, never a silent fallback.
    osKeyStore,
    // net.fetch: requests go through Chromium's network stack, so system proxies apply.
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
    // Assigned to me, mine overdue: a desktop notification; a click brings the window back.
    notify: createDesktopNotifier(liveWindow),
    // Exports: the OS save dialog, over the window; null when the user cancels.
    chooseExportPath: async (suggestedName, format) => {
      const options = {
        defaultPath: path.join(app.getPath('downloads'), suggestedName),
        filters: [
          format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel workbook', extensions: ['xlsx'] },
        ],
      };
      const parent = liveWindow();
      const { canceled, filePath } =
        parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
      return canceled || filePath === '' ? null : filePath;
    },
    // Sync retries at once when the laptop wakes up or the network comes back.
    systemEvents: watchSystemEvents({
      isOnline: () => net.isOnline(),
      onResume: (listener) => {
        powerMonitor.on('resume', listener);
        return () => powerMonitor.off('resume', listener);
      },
    }),
  };
}

function openMainWindow(core: LoopdeskCore): BrowserWindow {
  const appRoot = app.getAppPath();
  const window = createMainWindow({
    preloadPath: path.join(appRoot, 'dist', 'node', 'preload.cjs'),
    preloadArguments: encodeAllowListArguments(CHANNEL_NAMES, Object.keys(IPC_EVENTS)),
    devTools: !app.isPackaged,
    logError,
  });
  forwardEventsToContents(core.events, window.webContents);
  window.webContents.on('render-process-gone', (_event, details) => {
    logError('renderer process gone', new Error(`${details.reason} (exit code ${details.exitCode})`));
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();

  denyAllPermissions(session.defaultSession, (permission) => {
    logWarning(`denied the page's request for the ${permission} permission`);
  });
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rendererDir: path.join(app.getAppPath(), 'dist', 'renderer') }),
  );

  // The cache and its wrapped key live here; the core's helper makes it 0700 (and repairs
  // a profile restored from a backup with looser modes).
  const profileDir = path.join(app.getPath('userData'), 'profile');
  ensurePrivateDirectory(profileDir);
  const core = createCore(electronShellServices(profileDir, await createOsKeyStore(safeStorage)));

  registerInvokeHandler(ipcMain, {
    dispatch: core.dispatch,
    isTrusted: (event) => isTrustedSender(event, liveWindow()?.webContents ?? null),
    onRefused: (event) => {
      logWarning(`refused an IPC call from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
    },
  });

  app.on(
    'will-quit',
    createQuitCoordinator({
      close: () => core.close(),
      quit: () => {
        app.quit();
      },
      logError,
    }),
  );
  app.on('window-all-closed', () => {
    // macOS apps stay alive without windows until Cmd+Q; elsewhere closing the window quits.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    mainWindow ??= openMainWindow(core);
  });

  mainWindow = openMainWindow(core);
}

// A second launch focuses the running window: two processes must never share one database.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = liveWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  start().catch((error: unknown) => {
    logError('startup failed', error);
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Loopdesk could not start', message);
    app.exit(1);
  });
}
