// The wrapped database key as it is stored in the profile's key file. Each key store
// records what it needs to unwrap again, KDF parameters included, so that stronger
// parameters later do not strand profiles created with today's.
import { z } from 'zod';

const Base64 = z.base64().max(4096);

/**
 * Bounds on what a key file may ask for: a damaged or hostile file must not make the app
 * allocate gigabytes (N·r·128 bytes) or spin for minutes.
 */
export const ScryptParams = z.strictObject({
  N: z
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
});
export type ScryptParams = z.infer<typeof ScryptParams>;

export const PassphraseWrappedKey = z.strictObject({
  keyStore: z.literal('passphrase'),
  kdf: ScryptParams.extend({ name: z.literal('scrypt'), salt: Base64 }),
  cipher: z.literal('aes-256-gcm'),
  iv: Base64,
  tag: Base64,
  ciphertext: Base64,
});
export type PassphraseWrappedKey = z.infer<typeof PassphraseWrappedKey>;

export const OsKeychainWrappedKey = z.strictObject({
  keyStore: z.literal('os_keychain'),
  /** What safeStorage.encryptStringAsync returned, for the key in base64. */
  ciphertext: Base64,
});
export type OsKeychainWrappedKey = z.infer<typeof OsKeychainWrappedKey>;

export const WrappedKey = z.discriminatedUnion('keyStore', [PassphraseWrappedKey, OsKeychainWrappedKey]);
export type WrappedKey = z.infer<typeof WrappedKey>;
export type KeyStoreKind = WrappedKey['keyStore'];
