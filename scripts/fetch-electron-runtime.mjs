// Electron's own postinstall is denied in package.json#allowScripts because it downloads a
// binary from outside the npm registry, which fails on closed networks and would fail
// `npm ci`. This step tries the same download, tolerates failure, and says plainly which
// way the app will run.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronExecutable } from './electron-runtime.mjs';

const require = createRequire(import.meta.url);
const TIMEOUT_MS = 120_000;

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

const dir = electronDir();
if (!dir) {
  console.log('[loopdesk] electron package not installed (production install?): browser mode only.');
  process.exit(0);
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('[loopdesk] ELECTRON_SKIP_BINARY_DOWNLOAD is set: not fetching the Electron runtime.');
} else if (electronExecutable() === null) {
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: TIMEOUT_MS,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const output = `${result.stderr}\n${result.stdout}`.split('\n');
    const reason = result.error?.message ?? output.find((line) => /error/i.test(line))?.trim();
    console.log(`[loopdesk] Could not download the Electron runtime (${reason || 'unknown error'}).`);
  }
}
if (electronExecutable() !== null) {
  console.log('[loopdesk] Electron runtime: available. `npm start` opens the desktop app.');
} else {
  console.log(
    '[loopdesk] Electron runtime: NOT available on this machine. `npm start` runs browser mode ' +
      '(the same app in Chromium, URL printed); e2e tests use browser mode.',
  );
}
