// `npm run server -- …`: runs the reference server's CLI (server/cli.ts). It bundles only that
// entry with esbuild when dist/node/server.cjs is missing or older than its sources, the same
// way scripts/build.mjs does for the whole app, then runs it with the given arguments.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const OUT = 'dist/node/server.cjs';
const SOURCES = ['server', 'common'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(OUT) || SOURCES.some((dir) => newestSource(dir) > statSync(OUT).mtimeMs);
if (stale) {
  await build({
    entryPoints: { server: 'server/cli.ts' },
    outdir: 'dist/node',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    packages: 'external',
    logLevel: 'warning',
  });
}

const child = spawn(process.execPath, ['--enable-source-maps', OUT, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
