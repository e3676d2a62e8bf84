// Starts the browser-mode host as a child process on a profile folder, the way `npm start`
// does, and reads the URL it prints.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BrowserModeHost {
  readonly url: string;
  readonly origin: string;
  readonly profileDir: string;
  readonly output: () => string;
  /** Stops the host and starts a new one on the same profile (a new URL and token). */
  restart(): Promise<BrowserModeHost>;
  /** Stops the host and deletes its profile. */
  stop(): Promise<void>;
}

export const E2E_PASSPHRASE = 'correct horse battery staple';

type Env = Readonly<Record<string, string>>;

export function startBrowserModeHost(env: Env = {}): Promise<BrowserModeHost> {
  return launch(env, mkdtempSync(path.join(os.tmpdir(), 'loopdesk-e2e-')));
}

/** On a profile prepared beforehand (a seeded cache, say); stop() deletes it like a fresh one. */
export function startBrowserModeHostOn(profileDir: string, env: Env = {}): Promise<BrowserModeHost> {
  return launch(env, profileDir);
}

async function launch(env: Env, profileDir: string): Promise<BrowserModeHost> {
  const child = spawn(process.execPath, ['dist/node/host.cjs', '--profile', profileDir], {
    env: { ...process.env, LOOPDESK_PASSPHRASE: E2E_PASSPHRASE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`browser-mode host did not print its URL within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /^LOOPDESK_URL=(\S+)$/m.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser-mode host exited with ${String(code)}:\n${output}`));
    });
  });
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  return {
    url,
    origin: new URL(url).origin,
    profileDir,
    output: () => output,
    restart: async () => {
      await kill();
      return launch(env, profileDir);
    },
    stop: async () => {
      await kill();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
