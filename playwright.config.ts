import { defineConfig } from '@playwright/test';
import type { Shell } from './test/e2e/support/fixtures.js';

// Two projects run the same specs: 'browser' drives browser mode in Debian's Chromium,
// 'electron' drives the real desktop shell through _electron.launch and skips itself with a
// clear message where the Electron runtime is not installed.
export default defineConfig<{ shell: Shell }>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  outputDir: 'test-results/e2e',
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'browser', use: { shell: 'browser' } },
    { name: 'electron', use: { shell: 'electron' } },
  ],
});
