// What the core needs from whichever shell hosts it (Electron, or the browser-mode host).
// The shell injects these so that electron/core never imports 'electron' and runs in plain
// Node under test.
export interface ShellServices {
  readonly kind: 'electron' | 'browser';
  readonly version: string;
  readonly platform: string;
  /** The profile folder (created 0700) that holds the encrypted cache and its wrapped key. */
  readonly profileDir: string;
  /** Opens an http(s) URL in the system browser; false when the shell cannot. */
  openExternal(url: string): Promise<boolean>;
  isDemo(): boolean;
  /** Unexpected errors: logged by the shell, never shown raw to the user. */
  logError(context: string, error: unknown): void;
}
