// Builds everything the app runs: the renderer with Vite, and the Node-side entry points
// (Electron main + preload, the database worker, the browser-mode host, the reference
// server CLI) with esbuild into dist/node as CommonJS bundles.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, rmSync } from 'node:fs';

const NODE_ENTRIES = {
  main: 'electron/main.ts',
  preload: 'electron/preload.ts',
  'db-worker': 'electron/core/db/worker/db-worker.ts',
  'page-parser-worker': 'electron/core/sync/page-parser-worker.ts',
  host: 'electron/host/main.ts',
  server: 'server/cli.ts',
  'demo-server': 'electron/demo-server-worker.ts',
};

const onlyNode = process.argv.includes('--node-only');

rmSync('dist/node', { recursive: true, force: true });
const missing = Object.values(NODE_ENTRIES).filter((file) => !existsSync(file));
if (missing.length > 0) throw new Error(`[build] entry points missing: ${missing.join(', ')}`);
await esbuild({
  entryPoints: NODE_ENTRIES,
  outdir: 'dist/node',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // Dependencies stay in node_modules (native modules cannot be bundled; electron-builder
  // packs node_modules into the asar).
  packages: 'external',
  external: ['electron'],
  logLevel: 'warning',
});
console.log('[build] node entries → dist/node');

if (!onlyNode) {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log('[build] renderer → dist/renderer');
}
