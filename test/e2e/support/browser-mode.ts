// Starts the browser-mode host as a child process on a fresh profile, the way `npm start`
// does, and reads the URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BrowserModeHost {
  readonly url: string;
  readonly origin: string;
  readonly profileDir: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

export const E2E_PASSPHRASE = 'correct horse battery staple';

export async function startBrowserModeHost(env: Readonly<Record<string, string>> = {}): Promise<BrowserModeHost> {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/node/host.cjs', '--profile', profileDir], {
    env: { ...process.env, LOOPDESK_PASSPHRASE: E2E_PASSPHRASE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`browser-mode host did not print its URL within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /^LOOPDESK_URL=(\S+)$/m.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser-mode host exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    profileDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
