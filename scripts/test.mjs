// `npm test`: everything, in the order a failure is cheapest to read — build, typecheck,
// lint, unit + integration (Vitest), e2e in a real browser (Playwright). Every step runs
// even after a failure, so one run shows all problems; the exit code is non-zero if any
// step failed. The last line is the plain tally "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const VITEST_JSON = 'test-results/vitest-results.json';
const E2E_JSON = 'test-results/e2e-results.json';
const LAYERS = ['common', 'renderer', 'electron', 'server', 'test'];

const steps = [
  { name: 'build', cmd: ['node', 'scripts/build.mjs'], required: true },
  ...LAYERS.map((layer) => ({ name: `typecheck ${layer}`, cmd: ['npx', 'tsc', '-p', layer] })),
  { name: 'lint', cmd: ['npx', 'eslint', '--max-warnings', '0', '.'] },
  {
    name: 'unit + integration',
    cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${VITEST_JSON}`],
  },
  { name: 'e2e', cmd: ['npx', 'playwright', 'test'] },
];

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const result = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    console.log(`--- ${step.name}: ok (${seconds} s)`);
  } else {
    console.log(`--- ${step.name}: FAILED (${seconds} s)`);
    failedSteps.push(step.name);
    if (step.required) break;
  }
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const vitest = readJson(VITEST_JSON);
const e2e = readJson(E2E_JSON);
const passed = (vitest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);

console.log('');
if (failedSteps.length > 0) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 || passed === 0 ? 1 : 0);
