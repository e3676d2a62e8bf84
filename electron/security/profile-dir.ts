// The profile folder holds the encrypted cache and its wrapped key. The files are
// encrypted, but their names, sizes and timestamps are still nobody else's business on a
// shared machine: the folder is created 0700, and tightened to 0700 if it already existed
// with looser bits (an older build, a restored backup, a permissive umask).
import { chmodSync, mkdirSync, statSync } from 'node:fs';

export function ensurePrivateDirectory(dir: string, platform: NodeJS.Platform = process.platform): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stats = statSync(dir);
  if (!stats.isDirectory()) throw new Error(`The profile path exists but is not a folder: ${dir}`);
  // POSIX mode bits mean nothing on Windows (the user profile's ACL protects the folder).
  if (platform !== 'win32' && (stats.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
  return dir;
}
