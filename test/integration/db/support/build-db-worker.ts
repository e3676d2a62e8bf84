// Bundles the database worker the way scripts/build.mjs does, on its own, so the worker
// tests do not depend on every other entry point of the app building. The bundle goes
// under the repository's (git-ignored) .tmp/ so that its bare imports resolve to
// node_modules.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

export interface BuiltWorker {
  readonly workerPath: string;
  remove(): void;
}

export async function buildDbWorker(): Promise<BuiltWorker> {
  const scratch = path.join(ROOT, '.tmp');
  mkdirSync(scratch, { recursive: true });
  const outdir = mkdtempSync(path.join(scratch, 'db-worker-'));
  await build({
    entryPoints: { 'db-worker': path.join(ROOT, 'electron/core/db/worker/db-worker.ts') },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return {
    workerPath: path.join(outdir, 'db-worker.cjs'),
    remove: () => {
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
