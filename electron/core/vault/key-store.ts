// A key store wraps the 32-byte database key for storage in the profile and unwraps it
// again. The OS keychain (Electron safeStorage, injected by the shell) needs nothing from
// the user; the passphrase store derives its wrapping key from what the user types.
import type { OsKeychainWrappedKey, WrappedKey } from './wrapped-key.js';

export interface UnwrappedKey {
  readonly key: Buffer;
  /** The store wants the key wrapped afresh (the OS rotated or upgraded its own key). */
  readonly rewrap: boolean;
}

export interface KeyStore<W extends WrappedKey = WrappedKey> {
  readonly kind: W['keyStore'];
  wrap(key: Buffer): Promise<W>;
  /** Rejects with a VaultError when the key cannot be recovered. */
  unwrap(wrapped: W): Promise<UnwrappedKey>;
}

/** What the Electron shell injects when the OS keychain really protects the key. */
export type OsKeyStore = KeyStore<OsKeychainWrappedKey>;
