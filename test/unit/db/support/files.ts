import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** sha256 of every file in the folder, by name: a snapshot to compare before and after. */
export function hashFolder(dir: string): Readonly<Record<string, string>> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(path.join(dir, name)))
          .digest('hex'),
      ]),
  );
}

export function fileMode(file: string): number {
  return statSync(file).mode & 0o777;
}

export function bytesOf(file: string): Buffer {
  return existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
}

/** True when the text appears in the bytes as UTF-8 or as UTF-16 (either byte order). */
export function containsText(bytes: Buffer, text: string): boolean {
  return (
    bytes.includes(Buffer.from(text, 'utf8')) ||
    bytes.includes(Buffer.from(text, 'utf16le')) ||
    bytes.includes(Buffer.from(text, 'utf16le').swap16())
  );
}
