// Bundles TypeScript entry points into CommonJS for a child process or a worker thread, the
// way scripts/build.mjs bundles the app's Node entries: dependencies stay in node_modules,
// which is why the output goes under the repository's (git-ignored) .tmp/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** Writes <outdir>/<name>.cjs for each entry; returns the path of each by name. */
export async function bundleForNode(
  entries: Readonly<Record<string, string>>,
  outdir: string,
): Promise<Readonly<Record<string, string>>> {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return Object.fromEntries(Object.keys(entries).map((name) => [name, path.join(outdir, `${name}.cjs`)]));
}
