// The `app` fixture: a Loopdesk window to drive, from whichever shell the project names.
// Specs use only `page`, so each runs unchanged in browser mode and in Electron.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test as base, chromium, _electron, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';
import { E2E_PASSPHRASE, startBrowserModeHost } from './browser-mode.js';

export type Shell = 'browser' | 'electron';

function electronRuntime(): string | null {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const exe = path.join(dir, 'dist', readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

interface Fixtures {
  readonly shell: Shell;
  /** Extra environment for the browser-mode host, e.g. LOOPDESK_DEMO_RESPONSES. */
  readonly hostEnv: Readonly<Record<string, string>>;
  readonly app: Page;
}

export const test = base.extend<Fixtures>({
  shell: ['browser', { option: true }],
  hostEnv: [{}, { option: true }],
  app: async ({ shell, hostEnv, colorScheme }, use, testInfo) => {
    switch (shell) {
      case 'browser': {
        const host = await startBrowserModeHost(hostEnv);
        const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
        const context = await browser.newContext({
          viewport: { width: 1280, height: 800 },
          colorScheme: colorScheme ?? 'light',
        });
        const page = await context.newPage();
        const pageErrors: string[] = [];
        page.on('pageerror', (error) => pageErrors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') pageErrors.push(message.text());
        });
        await page.goto(host.url);
        await use(page);
        await browser.close();
        await host.stop();
        // A CSP violation or an uncaught error is a failure even when the screen looks right.
        if (pageErrors.length > 0) throw new Error(`The page reported errors:\n${pageErrors.join('\n')}`);
        break;
      }
      case 'electron': {
        const executablePath = electronRuntime();
        testInfo.skip(
          executablePath === null,
          'The Electron runtime is not installed on this machine (its download is unreachable); browser mode runs these specs.',
        );
        const userData = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-e2e-electron-'));
        const app = await _electron.launch({
          executablePath: executablePath ?? undefined,
          args: ['dist/node/main.cjs', `--user-data-dir=${userData}`],
          env: { ...process.env, LOOPDESK_PASSPHRASE: E2E_PASSPHRASE, ...hostEnv },
          colorScheme: colorScheme ?? 'light',
        });
        await use(await app.firstWindow());
        await app.close();
        rmSync(userData, { recursive: true, force: true });
        break;
      }
    }
  },
});

export { expect } from '@playwright/test';
