import { mkdirSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Browser mode keeps its profile apart from the Electron app's userData folder. */
export function defaultBrowserProfileDir(env: NodeJS.ProcessEnv = process.env): string {
  const dataHome = env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(dataHome, 'Loopdesk', 'browser-profile');
}

/** Creates the folder if needed and keeps it private to the user (0700). */
export function ensurePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}
