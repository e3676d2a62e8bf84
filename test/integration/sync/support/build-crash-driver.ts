// Bundles the crash driver with esbuild under the repository's .tmp/ (bare imports resolve
// to node_modules from there), as the database worker tests bundle the worker.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

export async function buildCrashDriver(): Promise<{ readonly script: string; remove(): void }> {
  const scratch = path.join(ROOT, '.tmp');
  mkdirSync(scratch, { recursive: true });
  const outdir = mkdtempSync(path.join(scratch, 'crash-driver-'));
  await build({
    entryPoints: { 'crash-driver': path.join(import.meta.dirname, 'crash-driver.ts') },
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
    script: path.join(outdir, 'crash-driver.cjs'),
    remove: () => {
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
