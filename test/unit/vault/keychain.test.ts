import { describe, expect, it } from 'vitest';
import { createOsKeyStore, SafeStorageKeyStore, type AsyncSafeStorage } from '../../../electron/keychain.js';
import { newDatabaseKey } from '../../../electron/core/db/database-key.js';

type Backend = ReturnType<AsyncSafeStorage['getSelectedStorageBackend']>;

/** safeStorage as Electron's async API behaves, with a reversible stand-in for the OS cipher. */
function fakeSafeStorage(options: { available?: boolean; backend?: Backend; shouldReEncrypt?: boolean } = {}) {
  const calls: string[] = [];
  const safeStorage: AsyncSafeStorage = {
    isAsyncEncryptionAvailable: () => Promise.resolve(options.available ?? true),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: (plainText) => {
      calls.push('encrypt');
      return Promise.resolve(Buffer.from(`v11${Buffer.from(plainText).reverse().toString('latin1')}`, 'latin1'));
    },
    decryptStringAsync: (encrypted) => {
      calls.push('decrypt');
      const body = Buffer.from(encrypted.toString('latin1').slice(3), 'latin1').reverse().toString();
      return Promise.resolve({ result: body, shouldReEncrypt: options.shouldReEncrypt ?? false });
    },
  };
  return { safeStorage, calls };
}

describe('createOsKeyStore', () => {
  it('refuses Linux’s basic_text backend, which protects nothing', async () => {
    expect(await createOsKeyStore(fakeSafeStorage({ backend: 'basic_text' }).safeStorage, 'linux')).toBeNull();
    expect(await createOsKeyStore(fakeSafeStorage({ backend: 'unknown' }).safeStorage, 'linux')).toBeNull();
  });

  it('accepts a real Linux keyring, and macOS or Windows without asking for a backend', async () => {
    expect(await createOsKeyStore(fakeSafeStorage({ backend: 'kwallet6' }).safeStorage, 'linux')).toBeInstanceOf(
      SafeStorageKeyStore,
    );
    const darwin = fakeSafeStorage({ backend: 'basic_text' });
    expect(await createOsKeyStore(darwin.safeStorage, 'darwin')).toBeInstanceOf(SafeStorageKeyStore);
  });

  it('offers nothing when encryption is unavailable', async () => {
    expect(await createOsKeyStore(fakeSafeStorage({ available: false }).safeStorage, 'win32')).toBeNull();
  });
});

describe('SafeStorageKeyStore', () => {
  it('round-trips the 32-byte key through the async API, never storing it in the clear', async () => {
    const { safeStorage, calls } = fakeSafeStorage();
    const store = new SafeStorageKeyStore(safeStorage);
    const key = newDatabaseKey();
    const wrapped = await store.wrap(key);
    expect(wrapped.keyStore).toBe('os_keychain');
    expect(wrapped.ciphertext).not.toContain(key.toString('base64'));
    const unwrapped = await store.unwrap(wrapped);
    expect(unwrapped.key.equals(key)).toBe(true);
    expect(unwrapped.rewrap).toBe(false);
    expect(calls).toEqual(['encrypt', 'decrypt']);
  });

  it('passes on the OS’s request to re-encrypt', async () => {
    const store = new SafeStorageKeyStore(fakeSafeStorage({ shouldReEncrypt: true }).safeStorage);
    expect((await store.unwrap(await store.wrap(newDatabaseKey()))).rewrap).toBe(true);
  });

  it('turns a keychain failure into a typed vault error', async () => {
    const { safeStorage } = fakeSafeStorage();
    const store = new SafeStorageKeyStore({
      ...safeStorage,
      decryptStringAsync: () => Promise.reject(new Error('Error while decrypting the ciphertext')),
    });
    await expect(store.unwrap(await store.wrap(newDatabaseKey()))).rejects.toMatchObject({
      code: 'keychain_unavailable',
    });
  });
});
