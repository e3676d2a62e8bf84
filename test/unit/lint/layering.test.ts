// Proves that `npm run lint` enforces the layering of DESIGN.md: each case writes a probe
// file into a real layer folder, lints it with the project's own ESLint config, and
// expects a layering error (or, for the allowed imports, none).
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LAYER_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports']);

async function layeringErrors(folder: string, source: string): Promise<readonly string[]> {
  const file = path.join(ROOT, folder, `layering-probe-${randomBytes(4).toString('hex')}.ts`);
  writeFileSync(file, source);
  try {
    const [result] = await new ESLint({ cwd: ROOT }).lintFiles([file]);
    return (result?.messages ?? []).filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
  } finally {
    rmSync(file, { force: true });
  }
}

describe('lint enforces the layering', () => {
  it.each([
    ['renderer', "export { createCore } from '../electron/core/app/create-core.js';", 'renderer → electron/core'],
    ['renderer', "export { startHost } from '../electron/host/host-server.js';", 'renderer → electron/host'],
    ['renderer', "import fs from 'node:fs';\nexport const f = fs;", 'renderer → Node'],
    ['electron/core', "import { app } from 'electron';\nexport const a = app;", "electron/core → 'electron'"],
    ['electron/core', "export { startHost } from '../host/host-server.js';", 'electron/core → host'],
    ['common', "export { EventBus } from '../electron/core/events.js';", 'common → electron'],
    ['common', "import path from 'node:path';\nexport const p = path;", 'common → Node'],
  ])('in %s, %s fails lint (%s)', async (folder, source) => {
    const errors = await layeringErrors(folder, source);
    expect(errors).not.toEqual([]);
    // A broken zone config also reports through the rule; only real verdicts count.
    for (const error of errors)
      expect(error).toMatch(/restricted zone|import is restricted|restricted from being used/);
  });

  it.each([
    ['renderer', "export { IPC_CHANNELS } from '../common/ipc/contract.js';"],
    ['electron/core', "export { IPC_CHANNELS } from '../../common/ipc/contract.js';"],
    ['electron/host', "export { createCore } from '../core/app/create-core.js';"],
  ])('in %s, an import from a lower layer passes', async (folder, source) => {
    expect(await layeringErrors(folder, source)).toEqual([]);
  });
});
