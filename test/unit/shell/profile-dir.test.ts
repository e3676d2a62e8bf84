import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateDirectory } from '../../../electron/security/profile-dir.js';

const posix = process.platform !== 'win32';

describe('ensurePrivateDirectory', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-profile-'));
  });
  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it.runIf(posix)('creates missing folders with mode 0700', () => {
    const dir = path.join(base, 'userData', 'profile');
    expect(ensurePrivateDirectory(dir)).toBe(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it.runIf(posix)('tightens an existing folder that is readable by others', () => {
    const dir = path.join(base, 'profile');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    ensurePrivateDirectory(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('refuses a path that is a file', () => {
    const file = path.join(base, 'profile');
    writeFileSync(file, '');
    expect(() => ensurePrivateDirectory(file)).toThrow();
  });
});
