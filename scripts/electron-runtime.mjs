// Where the Electron runtime binary is, or null when its download was not possible here.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function electronExecutable() {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const exe = path.join(dir, 'dist', readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}
