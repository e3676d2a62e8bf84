// `npm run bench [-- --filter PREFIX]`: runs every test/bench/*.bench.ts in its own Node
// process (so peak memory figures are its own), prints a table and writes
// bench-results.json as {"machine": {...}, "results": {"<name>": {value, unit, target}}}.
// A bench file is selected when any figure name it declares in its `// bench:` header
// line starts with the filter, or its file name does.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const RESULT_PREFIX = 'BENCH_RESULT ';
const { values } = parseArgs({ options: { filter: { type: 'string', default: '' } }, allowPositionals: true });
const filter = values.filter ?? '';

const benchDir = 'test/bench';
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => {
    if (filter === '') return true;
    const header = /^\/\/ bench: (.*)$/m.exec(readFileSync(path.join(benchDir, f), 'utf8'))?.[1] ?? '';
    const names = header.split(/[ ,]+/).filter(Boolean);
    return f.startsWith(filter) || names.some((n) => n.startsWith(filter) || filter.startsWith(n));
  });

if (files.length === 0) {
  console.error(`No benchmark matches "${filter}". Bench files live in ${benchDir}/*.bench.ts.`);
  process.exit(1);
}

const outDir = '.tmp/bench';
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: files.map((f) => path.join(benchDir, f)),
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const buildRenderer = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (buildRenderer.status !== 0) process.exit(1);

const results = {};
let failures = 0;
for (const file of files) {
  const script = path.join(outDir, file.replace(/\.ts$/, '.cjs'));
  console.log(`\n▶ ${file}`);
  const run = spawnSync(process.execPath, ['--expose-gc', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOOPDESK_BENCH_FILTER: filter },
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith(RESULT_PREFIX)) {
      const { name, value, unit, target } = JSON.parse(line.slice(RESULT_PREFIX.length));
      if (filter === '' || name.startsWith(filter) || file.startsWith(filter)) results[name] = { value, unit, target };
    } else if (line.trim() !== '') {
      console.log(`  ${line}`);
    }
  }
  if (run.status !== 0) {
    failures += 1;
    console.error(`✖ ${file} exited with ${run.status}`);
  }
}

/** "<= 50", ">= 0.5": true/false, or null when the figure has no target. */
function meets(value, target) {
  const m = /^(<=|>=|<|>)\s*([\d.]+)/.exec(target ?? '');
  if (!m) return null;
  const limit = Number(m[2]);
  switch (m[1]) {
    case '<=':
      return value <= limit;
    case '>=':
      return value >= limit;
    case '<':
      return value < limit;
    default:
      return value > limit;
  }
}

const rows = Object.entries(results).map(([name, r]) => {
  const ok = meets(r.value, r.target);
  return { name, value: r.value, unit: r.unit, target: r.target || '—', met: ok === null ? '' : ok ? 'yes' : 'NO' };
});
console.log('');
console.table(rows);

const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${process.platform}-${process.arch}`,
  node: process.version,
  date: new Date().toISOString(),
};
writeFileSync('bench-results.json', JSON.stringify({ machine, results }, null, 2) + '\n');
console.log(`Wrote bench-results.json (${rows.length} figures).`);
process.exit(failures > 0 ? 1 : 0);
