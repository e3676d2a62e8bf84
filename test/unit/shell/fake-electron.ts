// A small stand-in for the 'electron' module (the runtime cannot be installed here), with
// just the surface the shell touches. Tests install it with
//   vi.mock('electron', () => import('./fake-electron.js'))
// and read what the shell did from `state`. Vitest keeps the mocked module across
// vi.resetModules, so a test that re-imports the shell calls resetFakeElectron() first.
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, CustomScheme, MessageBoxOptions } from 'electron';

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  frameToken: string;
  detached: boolean;
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame = {
    url: 'about:blank',
    parent: null,
    processId: 100 + this.id,
    frameToken: `frame-${this.id}`,
    detached: false,
  };
  destroyed = false;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

function freshState() {
  return {
    ready: false,
    singleInstanceLock: true,
    /** Calls in order, with whether the app was ready at the time. */
    calls: [] as { readonly name: string; readonly ready: boolean }[],
    privilegedSchemes: [] as CustomScheme[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    messageBoxes: [] as MessageBoxOptions[],
    messageBoxResponse: 0,
    errorBoxes: [] as string[],
    openedExternally: [] as string[],
    permissionHandlers: {} as {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: () => boolean;
      device?: () => boolean;
    },
    appPath: '/nonexistent',
    userData: '/nonexistent',
    quitCount: 0,
    exitCode: undefined as number | undefined,
    windows: [] as BrowserWindow[],
  };
}

export const state = freshState();

function record(name: string): void {
  state.calls.push({ name, ready: state.ready });
}

let resolveReady: () => void = () => undefined;
let readyPromise = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

class FakeApp extends EventEmitter {
  isPackaged = false;
  /** Test helper: fires `ready` the way Electron does. */
  makeReady(): void {
    state.ready = true;
    resolveReady();
    this.emit('ready');
  }
  whenReady(): Promise<void> {
    return readyPromise;
  }
  requestSingleInstanceLock(): boolean {
    record('requestSingleInstanceLock');
    return state.singleInstanceLock;
  }
  enableSandbox(): void {
    record('enableSandbox');
  }
  setAppUserModelId(): void {
    record('setAppUserModelId');
  }
  getAppPath(): string {
    return state.appPath;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return state.userData;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  quit(): void {
    state.quitCount += 1;
    record('quit');
  }
  exit(code: number): void {
    state.exitCode = code;
  }
}

export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    record('registerSchemesAsPrivileged');
    state.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    record(`protocol.handle:${scheme}`);
    state.protocolHandlers.set(scheme, handler);
  },
};

export const ipcMain = {
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void {
    if (state.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    state.ipcHandlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    state.ipcHandlers.delete(channel);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: typeof state.permissionHandlers.request): void {
      state.permissionHandlers.request = handler;
    },
    setPermissionCheckHandler(handler: typeof state.permissionHandlers.check): void {
      state.permissionHandlers.check = handler;
    },
    setDevicePermissionHandler(handler: typeof state.permissionHandlers.device): void {
      state.permissionHandlers.device = handler;
    },
  },
};

export const dialog = {
  showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    state.messageBoxes.push(args.at(-1) as MessageBoxOptions);
    return Promise.resolve({ response: state.messageBoxResponse, checkboxChecked: false });
  },
  showErrorBox(title: string, content: string): void {
    state.errorBoxes.push(`${title}: ${content}`);
  },
};

export const shell = {
  openExternal(url: string): Promise<void> {
    state.openedExternally.push(url);
    return Promise.resolve();
  },
};

/** No usable OS keychain, as on a Linux desktop with basic_text: the vault asks for a passphrase. */
export const safeStorage = {
  isAsyncEncryptionAvailable: () => Promise.resolve(false),
  getSelectedStorageBackend: () => 'basic_text' as const,
  encryptStringAsync: () => Promise.reject(new Error('no keychain in tests')),
  decryptStringAsync: () => Promise.reject(new Error('no keychain in tests')),
};

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });

export class BrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  minimized = false;
  background: string | undefined;
  readonly loaded: string[] = [];

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.background = options.backgroundColor;
    state.windows.push(this);
    // Electron announces every new webContents before anything loads in it.
    app.emit('web-contents-created', { preventDefault: () => undefined }, this.webContents);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    record('window.focus');
  }
  setBackgroundColor(color: string): void {
    this.background = color;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  /** Test helper: the window is closed by the user. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.webContents.emit('destroyed');
    this.emit('closed');
  }
}

/** Back to a just-launched process: no listeners, not ready, nothing recorded. */
export function resetFakeElectron(): void {
  Object.assign(state, freshState());
  readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  app.removeAllListeners();
  app.isPackaged = false;
  nativeTheme.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
}
