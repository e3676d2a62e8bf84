import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShellServices } from '../../electron/core/app/shell-services.js';

/** ShellServices for tests: a fresh profile folder, nothing opened externally. */
export function fakeShell(overrides: Partial<ShellServices> = {}): ShellServices {
  return {
    kind: 'browser',
    version: '0.0.0-test',
    platform: process.platform,
    profileDir: mkdtempSync(path.join(os.tmpdir(), 'loopdesk-test-')),
    openExternal: () => Promise.resolve(false),
    startDemoServer: () => Promise.reject(new Error('no demo server in this test')),
    logError: () => undefined,
    osKeyStore: null,
    fetch: globalThis.fetch,
    ...overrides,
  };
}
