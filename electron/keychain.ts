// The OS keychain as the vault's key store: Electron's safeStorage (Keychain on macOS,
// DPAPI on Windows, libsecret/KWallet on Linux), through its asynchronous API so the main
// thread never waits on the OS. Linux's basic_text backend encrypts with a constant
// password, which protects nothing: there, no OS key store is offered and the vault asks the
// user for a passphrase instead. Never a silent plaintext fallback.
import type { SafeStorage } from 'electron';
import { isDatabaseKey } from './core/db/database-key.js';
import type { OsKeyStore, UnwrappedKey } from './core/vault/key-store.js';
import { VaultError } from './core/vault/vault-errors.js';
import type { OsKeychainWrappedKey } from './core/vault/wrapped-key.js';

/** What the key store uses of safeStorage; main.ts passes Electron's own object. */
export type AsyncSafeStorage = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/**
 * 'basic_text' protects nothing; 'unknown' means safeStorage was asked before the app was
 * ready and cannot vouch for anything.
 */
const UNPROTECTED_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

export class SafeStorageKeyStore implements OsKeyStore {
  readonly kind = 'os_keychain';

  constructor(private readonly safeStorage: AsyncSafeStorage) {}

  async wrap(key: Buffer): Promise<OsKeychainWrappedKey> {
    // safeStorage takes strings only; base64 keeps the raw bytes intact through it.
    const encrypted = await this.safeStorage.encryptStringAsync(key.toString('base64'));
    return { keyStore: 'os_keychain', ciphertext: encrypted.toString('base64') };
  }

  async unwrap(wrapped: OsKeychainWrappedKey): Promise<UnwrappedKey> {
    let decrypted: Electron.DecryptStringAsyncReturnValue;
    try {
      decrypted = await this.safeStorage.decryptStringAsync(Buffer.from(wrapped.ciphertext, 'base64'));
    } catch (error) {
      // A locked or reset keyring, or another user's profile: the keychain cannot help.
      throw new VaultError('keychain_unavailable', { cause: error });
    }
    const key = Buffer.from(decrypted.result, 'base64');
    if (!isDatabaseKey(key)) throw new VaultError('key_file_invalid');
    return { key, rewrap: decrypted.shouldReEncrypt };
  }
}

/**
 * The OS key store for the vault, or null when the OS keychain would not really protect
 * the key. Call after the app is ready.
 */
export async function createOsKeyStore(
  safeStorage: AsyncSafeStorage,
  platform: NodeJS.Platform = process.platform,
): Promise<OsKeyStore | null> {
  try {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  } catch {
    return null;
  }
  if (platform === 'linux' && UNPROTECTED_LINUX_BACKENDS.has(safeStorage.getSelectedStorageBackend())) return null;
  return new SafeStorageKeyStore(safeStorage);
}
