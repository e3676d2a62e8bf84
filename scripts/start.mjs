// `npm start`: build, then open the desktop app where the Electron runtime exists, or
// browser mode (same renderer, same core) where it does not. Arguments after `--` pass on.
import { spawn, spawnSync } from 'node:child_process';
import { electronExecutable } from './electron-runtime.mjs';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronExecutable();
const args = process.argv.slice(2);
const child =
  electron !== null
    ? spawn(electron, ['dist/node/main.cjs', ...args], { stdio: 'inherit' })
    : (console.log('[loopdesk] Electron runtime not available: starting browser mode.'),
      spawn(process.execPath, ['dist/node/host.cjs', ...args], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
