// The profile holds personal data and the wrapped key: the folder is 0700 and every file
// 0600, whatever the umask. Modes are set explicitly (not left to the umask) and repaired on
// every start, since a profile copied or restored from a backup may arrive world-readable.
import {
  chmodSync,
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function ensurePrivateDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates the file empty with mode 0600 if it does not exist, and tightens the mode if it
 * does. Never writes to an existing file: opening a database with a wrong key must leave it
 * byte-for-byte as it was.
 */
export function ensurePrivateFile(file: string): void {
  try {
    closeSync(openSync(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * Writes a small file so that a reader sees either the old or the new content, never a torn
 * one: a 0600 temp file in the same folder, fsync, rename over, fsync the folder.
 */
export function writePrivateFileAtomically(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, PRIVATE_FILE_MODE);
  try {
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, PRIVATE_FILE_MODE);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
}

function syncDirectory(dir: string): void {
  // Makes the rename durable on POSIX. Windows cannot open a folder for fsync; there the
  // rename is already durable enough (NTFS journals metadata).
  if (process.platform === 'win32') return;
  const fd = openSync(dir, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
