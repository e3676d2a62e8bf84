// Wraps the database key under a key derived from the user's passphrase: scrypt, then
// AES-256-GCM (whose tag tells a wrong passphrase from a right one).
import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt,
  type BinaryLike,
  type ScryptOptions,
} from 'node:crypto';
import type { KeyStore, UnwrappedKey } from './key-store.js';
import { VaultError } from './vault-errors.js';
import type { PassphraseWrappedKey, ScryptParams } from './wrapped-key.js';

/**
 * N=2^17, r=8, p=1: the OWASP recommendation for scrypt. One derivation needs 128 MiB and
 * takes a few hundred milliseconds, paid once per unlock; every guess of an attacker who
 * copied the key file costs the same, and the memory makes GPU farms expensive. Larger N
 * would make unlocking sluggish on the modest laptops support teams use.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Derivations in about a millisecond: only for tests, which pass it explicitly. */
export const TEST_ONLY_WEAK_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

const SALT_BYTES = 16;
const IV_BYTES = 12;
/** Binds the ciphertext to its purpose: it can only ever be unwrapped as this key. */
const AAD = Buffer.from('loopdesk database key v1', 'utf8');

export interface PassphraseKeyStoreOptions {
  /** The KDF cost for new wrappings. Defaults to DEFAULT_SCRYPT; tests lower it. */
  readonly scrypt?: ScryptParams;
}

export class PassphraseKeyStore implements KeyStore<PassphraseWrappedKey> {
  readonly kind = 'passphrase';
  private readonly params: ScryptParams;

  constructor(
    private readonly passphrase: string,
    options: PassphraseKeyStoreOptions = {},
  ) {
    this.params = options.scrypt ?? DEFAULT_SCRYPT;
  }

  async wrap(key: Buffer): Promise<PassphraseWrappedKey> {
    const salt = randomBytes(SALT_BYTES);
    const iv = randomBytes(IV_BYTES);
    const wrappingKey = await deriveKey(this.passphrase, salt, this.params);
    try {
      const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv).setAAD(AAD);
      const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
      return {
        keyStore: 'passphrase',
        kdf: { name: 'scrypt', ...this.params, salt: salt.toString('base64') },
        cipher: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        ciphertext: ciphertext.toString('base64'),
      };
    } finally {
      wrappingKey.fill(0);
    }
  }

  async unwrap(wrapped: PassphraseWrappedKey): Promise<UnwrappedKey> {
    const { name: _name, salt, ...params } = wrapped.kdf;
    const wrappingKey = await deriveKey(this.passphrase, Buffer.from(salt, 'base64'), params);
    try {
      const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.iv, 'base64'))
        .setAAD(AAD)
        .setAuthTag(Buffer.from(wrapped.tag, 'base64'));
      const key = Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
      // Older, cheaper parameters than today's default are upgraded on the next unlock.
      return { key, rewrap: params.N < this.params.N || params.r < this.params.r };
    } catch (error) {
      // GCM authentication failed: the derived key differs, i.e. the passphrase does.
      throw new VaultError('wrong_passphrase', { cause: error });
    } finally {
      wrappingKey.fill(0);
    }
  }
}

function deriveKey(passphrase: string, salt: BinaryLike, params: ScryptParams): Promise<Buffer> {
  // NFC: the same passphrase typed on macOS (which may compose accents differently) and on
  // Windows derives the same key.
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  // The callback form runs on libuv's thread pool: the event loop stays free meanwhile.
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, options, (error, derived) => {
      secret.fill(0);
      if (error === null) resolve(derived);
      else reject(error);
    });
  });
}
