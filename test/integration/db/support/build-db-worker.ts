// Bundles the database worker on its own, so the worker tests do not depend on every other
// entry point of the app building. The bundle goes under the repository's (git-ignored)
// .tmp/ so that its bare imports resolve to node_modules.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleForNode } from '../../../support/bundle-for-node.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

export interface BuiltWorker {
  readonly workerPath: string;
  remove(): void;
}

export async function buildDbWorker(): Promise<BuiltWorker> {
  const scratch = path.join(ROOT, '.tmp');
  mkdirSync(scratch, { recursive: true });
  const outdir = mkdtempSync(path.join(scratch, 'db-worker-'));
  const built = await bundleForNode({ 'db-worker': path.join(ROOT, 'electron/core/db/worker/db-worker.ts') }, outdir);
  return {
    workerPath: built['db-worker'] ?? path.join(outdir, 'db-worker.cjs'),
    remove: () => {
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
