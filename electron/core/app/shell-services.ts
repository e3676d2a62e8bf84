// What the core needs from whichever shell hosts it (Electron, or the browser-mode host).
// The shell injects these so that electron/core never imports 'electron' and runs in plain
// Node under test.
import type { StartDemoServer } from '../session/demo-server.js';
import type { SubscribeSystemEvents } from '../sync/sync-engine.js';
import type { OsKeyStore } from '../vault/key-store.js';
import type { ChooseExportPath } from '../export/export-service.js';

export interface ShellServices {
  readonly kind: 'electron' | 'browser';
  readonly version: string;
  readonly platform: string;
  /** The profile folder (created 0700) that holds the encrypted cache and its wrapped key. */
  readonly profileDir: string;
  /**
   * HTTP for talking to the ingestion API: Electron injects net.fetch so the system proxy
   * and certificate store apply; the Node host passes globalThis.fetch.
   */
  readonly fetch: typeof fetch;
  /** Opens an http(s) URL in the system browser; false when the shell cannot. */
  openExternal(url: string): Promise<boolean>;
  /**
   * Starts the embedded demo server (the reference server, which the core may not import),
   * used when no API is configured. Called at most once per run.
   */
  readonly startDemoServer: StartDemoServer;
  /** Unexpected errors: logged by the shell, never shown raw to the user. */
  logError(context: string, error: unknown): void;
  /**
   * The OS keychain (electron/keychain.ts: createOsKeyStore(safeStorage)) when it really
   * protects the database key. Null or absent where there is none — browser mode, Linux's
   * basic_text backend — and the vault then asks the user for a passphrase.
   */
  readonly osKeyStore: OsKeyStore | null;
  /**
   * The bundled database worker (path.join(__dirname, 'db-worker.cjs')). Defaults to the
   * db-worker.cjs next to the running bundle, where scripts/build.mjs puts it.
   */
  readonly dbWorkerPath?: string;
  /** LOOPDESK_PASSPHRASE (tests, browser mode): the vault creates or unlocks with it at start. */
  readonly passphraseFromEnv?: string;
  /**
   * The system woke up, or the network came or went: sync retries at once instead of waiting
   * out its backoff. Built with electron/core/sync's watchSystemEvents — Electron from
   * powerMonitor's 'resume' and net.isOnline(), the Node host from a timer that notices
   * sleeps and the network interfaces. Optional: without it, sync relies on its interval.
   */
  readonly systemEvents?: SubscribeSystemEvents;
  /**
   * A desktop notification (Electron's Notification): someone assigned me a follow-up, one of
   * mine became overdue. Null where there is none (browser mode): the window shows a toast.
   */
  readonly notify?: ((title: string, body: string) => void) | null;
  /**
   * Asks where to save an export (Electron: the save dialog); resolves null when the user
   * cancels. Absent in browser mode, where the page downloads the file itself.
   */
  readonly chooseExportPath?: ChooseExportPath;
}
