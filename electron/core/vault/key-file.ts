// The profile's key file: the wrapped database key and how it was wrapped. Small JSON,
// mode 0600, replaced atomically so a crash mid-write never leaves a profile without a key.
import { chmodSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PRIVATE_FILE_MODE, writePrivateFileAtomically } from '../db/private-files.js';
import { VaultError } from './vault-errors.js';
import { WrappedKey } from './wrapped-key.js';

export const KeyFile = z.strictObject({
  format: z.literal(1),
  created_at: z.iso.datetime(),
  wrapped: WrappedKey,
});
export type KeyFile = z.infer<typeof KeyFile>;

/** null when the profile has no key yet. */
export async function readKeyFile(file: string): Promise<KeyFile | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  chmodSync(file, PRIVATE_FILE_MODE);
  try {
    return KeyFile.parse(JSON.parse(text));
  } catch (error) {
    throw new VaultError('key_file_invalid', { cause: error });
  }
}

export function writeKeyFile(file: string, wrapped: WrappedKey, now = new Date()): KeyFile {
  const keyFile: KeyFile = { format: 1, created_at: now.toISOString(), wrapped };
  writePrivateFileAtomically(file, `${JSON.stringify(keyFile, null, 2)}\n`);
  return keyFile;
}
