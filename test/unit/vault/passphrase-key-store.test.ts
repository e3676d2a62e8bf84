import { describe, expect, it } from 'vitest';
import { newDatabaseKey } from '../../../electron/core/db/database-key.js';
import {
  DEFAULT_SCRYPT,
  PassphraseKeyStore,
  TEST_ONLY_WEAK_SCRYPT,
} from '../../../electron/core/vault/passphrase-key-store.js';
import { VaultError } from '../../../electron/core/vault/vault-errors.js';
import { PassphraseWrappedKey } from '../../../electron/core/vault/wrapped-key.js';

const weak = { scrypt: TEST_ONLY_WEAK_SCRYPT };

async function vaultError(promise: Promise<unknown>): Promise<VaultError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof VaultError) return error;
    throw error;
  }
  throw new Error('expected a VaultError');
}

describe('PassphraseKeyStore', () => {
  it('unwraps what it wrapped', async () => {
    const key = newDatabaseKey();
    const wrapped = await new PassphraseKeyStore('correct horse battery', weak).wrap(key);
    const { key: unwrapped, rewrap } = await new PassphraseKeyStore('correct horse battery', weak).unwrap(wrapped);
    expect(unwrapped.equals(key)).toBe(true);
    expect(rewrap).toBe(false);
  });

  it('records the KDF and its parameters, and never the key', async () => {
    const key = newDatabaseKey();
    const wrapped = await new PassphraseKeyStore('correct horse battery', weak).wrap(key);
    expect(PassphraseWrappedKey.parse(wrapped)).toEqual(wrapped);
    expect(wrapped.kdf).toMatchObject({ name: 'scrypt', ...TEST_ONLY_WEAK_SCRYPT });
    expect(wrapped.cipher).toBe('aes-256-gcm');
    const text = JSON.stringify(wrapped);
    expect(text).not.toContain(key.toString('base64'));
    expect(text).not.toContain(key.toString('hex'));
  });

  it('refuses a wrong passphrase with a typed error', async () => {
    const wrapped = await new PassphraseKeyStore('correct horse battery', weak).wrap(newDatabaseKey());
    const error = await vaultError(new PassphraseKeyStore('correct horse battery!', weak).unwrap(wrapped));
    expect(error.code).toBe('wrong_passphrase');
    expect(error.message).toBe('The passphrase is not correct.');
  });

  it('detects a tampered ciphertext as it would a wrong passphrase', async () => {
    const wrapped = await new PassphraseKeyStore('correct horse battery', weak).wrap(newDatabaseKey());
    const bytes = Buffer.from(wrapped.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const tampered = { ...wrapped, ciphertext: bytes.toString('base64') };
    expect((await vaultError(new PassphraseKeyStore('correct horse battery', weak).unwrap(tampered))).code).toBe(
      'wrong_passphrase',
    );
  });

  it('derives the same key from differently composed Unicode', async () => {
    const composed = 'crème brûlée 2025';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const key = newDatabaseKey();
    const wrapped = await new PassphraseKeyStore(composed, weak).wrap(key);
    expect((await new PassphraseKeyStore(decomposed, weak).unwrap(wrapped)).key.equals(key)).toBe(true);
  });

  it('asks for a fresh wrapping when the file used cheaper parameters than today’s', async () => {
    const wrapped = await new PassphraseKeyStore('correct horse battery', weak).wrap(newDatabaseKey());
    // Unwrapping uses the parameters recorded in the file, so this stays cheap.
    expect((await new PassphraseKeyStore('correct horse battery').unwrap(wrapped)).rewrap).toBe(true);
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
  });
});
