// An OS key store for tests: "encrypts" by XOR with a secret only it knows, and can be told
// to ask for a re-wrap or to fail, as safeStorage may.
import { randomBytes } from 'node:crypto';
import type { OsKeyStore, UnwrappedKey } from '../../../../electron/core/vault/key-store.js';
import { VaultError } from '../../../../electron/core/vault/vault-errors.js';
import type { OsKeychainWrappedKey } from '../../../../electron/core/vault/wrapped-key.js';

export class FakeOsKeyStore implements OsKeyStore {
  readonly kind = 'os_keychain';
  wraps = 0;
  askRewrap = false;
  failing = false;
  private readonly secret = randomBytes(32);

  wrap(key: Buffer): Promise<OsKeychainWrappedKey> {
    this.wraps += 1;
    return Promise.resolve({ keyStore: 'os_keychain', ciphertext: this.xor(key).toString('base64') });
  }

  unwrap(wrapped: OsKeychainWrappedKey): Promise<UnwrappedKey> {
    if (this.failing) return Promise.reject(new VaultError('keychain_unavailable'));
    return Promise.resolve({ key: this.xor(Buffer.from(wrapped.ciphertext, 'base64')), rewrap: this.askRewrap });
  }

  private xor(bytes: Buffer): Buffer {
    return Buffer.from(bytes.map((byte, i) => byte ^ (this.secret[i % this.secret.length] ?? 0)));
  }
}
