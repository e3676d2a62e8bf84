// The crash driver as a script a child process can run.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleForNode } from '../../../support/bundle-for-node.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

export async function buildCrashDriver(): Promise<{ readonly script: string; remove(): void }> {
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const outdir = mkdtempSync(path.join(ROOT, '.tmp', 'crash-driver-'));
  const built = await bundleForNode({ 'crash-driver': path.join(import.meta.dirname, 'crash-driver.ts') }, outdir);
  return {
    script: built['crash-driver'] ?? '',
    remove: () => {
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
