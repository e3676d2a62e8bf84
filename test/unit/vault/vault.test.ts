import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../../common/ipc/channels/vault.js';
import { InProcessDatabaseClient } from '../../../electron/core/db/database-client.js';
import { DatabaseOpenError } from '../../../electron/core/db/errors.js';
import { EventBus } from '../../../electron/core/events.js';
import { KeyFile } from '../../../electron/core/vault/key-file.js';
import { VaultError } from '../../../electron/core/vault/vault-errors.js';
import { DATABASE_FILE_NAME, KEY_FILE_NAME } from '../../../electron/core/vault/vault.js';
import { respondentStory } from '../db/support/records.js';
import { tempDir } from '../db/support/temp-dirs.js';
import { FakeOsKeyStore } from './support/fake-os-key-store.js';
import { testVault } from './support/test-vault.js';

const PASSPHRASE = 'correct horse battery staple';
const mode = (file: string): number => statSync(file).mode & 0o777;

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function newProfileDir(): string {
  return path.join(tempDir(), 'profile');
}

describe('Vault with a passphrase', () => {
  it('asks for a passphrase on a new profile', async () => {
    const vault = testVault(newProfileDir());
    expect(await vault.start()).toEqual({ state: 'needs_passphrase_setup', keyStore: 'passphrase' });
    expect(() => vault.database()).toThrow(VaultError);
  });

  it('creates, locks and unlocks again, with the data still there', async () => {
    const profileDir = newProfileDir();
    const vault = testVault(profileDir);
    expect(await vault.create(PASSPHRASE)).toEqual({ state: 'unlocked', keyStore: 'passphrase' });
    await vault.database().call('applyChanges', { changes: respondentStory('u1', 'r1') });

    expect(await vault.lock()).toEqual({ state: 'locked', keyStore: 'passphrase' });
    expect(() => vault.database()).toThrow(expect.objectContaining({ code: 'locked' }) as Error);

    const again = testVault(profileDir);
    expect(await again.start()).toEqual({ state: 'locked', keyStore: 'passphrase' });
    expect(await again.unlock(PASSPHRASE)).toEqual({ state: 'unlocked', keyStore: 'passphrase' });
    expect(await again.database().call('countRows', {})).toMatchObject({ responses: 1, respondents: 1 });
    await again.close();
  });

  it('refuses a wrong passphrase with a typed error and stays locked', async () => {
    const profileDir = newProfileDir();
    await testVault(profileDir).create(PASSPHRASE);
    const vault = testVault(profileDir);

    const error = await rejection(vault.unlock('not the passphrase'));

    expect(error).toBeInstanceOf(VaultError);
    expect(error).toMatchObject({ code: 'wrong_passphrase', message: 'The passphrase is not correct.' });
    expect(await vault.status()).toEqual({ state: 'locked', keyStore: 'passphrase' });
    expect(await vault.unlock(PASSPHRASE)).toMatchObject({ state: 'unlocked' });
    await vault.close();
  });

  it('keeps the profile folder 0700 and the key file and database 0600', async () => {
    const profileDir = newProfileDir();
    const vault = testVault(profileDir);
    await vault.create(PASSPHRASE);
    expect(mode(profileDir)).toBe(0o700);
    expect(mode(path.join(profileDir, KEY_FILE_NAME))).toBe(0o600);
    expect(mode(path.join(profileDir, DATABASE_FILE_NAME))).toBe(0o600);
    // Atomic replacement leaves no temporary file behind.
    expect(readdirSync(profileDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await vault.close();
  });

  it('records the key store and KDF parameters in a valid key file, without the passphrase', async () => {
    const profileDir = newProfileDir();
    const vault = testVault(profileDir);
    await vault.create(PASSPHRASE);
    const text = readFileSync(path.join(profileDir, KEY_FILE_NAME), 'utf8');
    const keyFile = KeyFile.parse(JSON.parse(text));
    expect(keyFile.wrapped).toMatchObject({ keyStore: 'passphrase', kdf: { name: 'scrypt', N: 1024, r: 8, p: 1 } });
    expect(text).not.toContain(PASSPHRASE);
    await vault.close();
  });

  it('refuses a second create, a short passphrase, and unlock before create', async () => {
    const vault = testVault(newProfileDir());
    expect(await rejection(vault.unlock(PASSPHRASE))).toMatchObject({ code: 'not_created' });
    expect(await rejection(vault.create('short'))).toMatchObject({ code: 'passphrase_too_short' });
    await vault.create(PASSPHRASE);
    expect(await rejection(vault.create(PASSPHRASE))).toMatchObject({ code: 'already_created' });
    await vault.close();
  });

  it('serialises concurrent unlocks: the database is opened once', async () => {
    const profileDir = newProfileDir();
    await testVault(profileDir).create(PASSPHRASE);
    let opens = 0;
    const vault = testVault(profileDir, {
      openDatabase: (options) => {
        opens += 1;
        return InProcessDatabaseClient.open(options);
      },
    });
    const results = await Promise.all([vault.unlock(PASSPHRASE), vault.unlock(PASSPHRASE), vault.status()]);
    expect(results.map((s) => s.state)).toEqual(['unlocked', 'unlocked', 'unlocked']);
    expect(opens).toBe(1);
    await vault.close();
  });

  it('announces each change of status on the event bus and to listeners', async () => {
    const events = new EventBus();
    const seen: VaultStatus[] = [];
    events.connect((event, payload) => {
      if (event === 'vault:status') seen.push(payload as VaultStatus);
    });
    const vault = testVault(newProfileDir(), { events });
    const changes: VaultStatus[] = [];
    vault.onStatus((status) => changes.push(status));
    await vault.start();
    await vault.status();
    await vault.create(PASSPHRASE);
    await vault.status();
    await vault.lock();
    expect(seen.map((s) => s.state)).toEqual(['needs_passphrase_setup', 'unlocked', 'locked']);
    expect(changes).toEqual(seen);
  });

  it('passes a database that cannot be opened through as a DatabaseOpenError', async () => {
    const profileDir = newProfileDir();
    const vault = testVault(profileDir);
    await vault.create(PASSPHRASE);
    await vault.lock();
    // Something else under the database's name: the key in the key file does not open it.
    writeFileSync(path.join(profileDir, DATABASE_FILE_NAME), Buffer.alloc(8192, 1));
    const error = await rejection(vault.unlock(PASSPHRASE));
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error).toMatchObject({ code: 'wrong_key' });
    expect(await vault.status()).toMatchObject({ state: 'locked' });
  });

  it('rejects a damaged key file with a clear message', async () => {
    const profileDir = newProfileDir();
    const vault = testVault(profileDir);
    await vault.create(PASSPHRASE);
    await vault.lock();
    writeFileSync(path.join(profileDir, KEY_FILE_NAME), '{"format":1,');
    expect(await rejection(vault.unlock(PASSPHRASE))).toMatchObject({ code: 'key_file_invalid' });
  });
});

describe('Vault with LOOPDESK_PASSPHRASE', () => {
  it('creates on the first start and unlocks on the next', async () => {
    const profileDir = newProfileDir();
    const first = testVault(profileDir, { passphraseFromEnv: PASSPHRASE });
    expect(await first.start()).toEqual({ state: 'unlocked', keyStore: 'passphrase' });
    await first.close();
    const second = testVault(profileDir, { passphraseFromEnv: PASSPHRASE });
    expect(await second.start()).toEqual({ state: 'unlocked', keyStore: 'passphrase' });
    await second.close();
  });

  it('stays locked, with a typed error, when it is wrong', async () => {
    const profileDir = newProfileDir();
    await testVault(profileDir).create(PASSPHRASE);
    const vault = testVault(profileDir, { passphraseFromEnv: 'wrong wrong wrong' });
    expect(await rejection(vault.start())).toMatchObject({ code: 'wrong_passphrase' });
    expect(await vault.status()).toEqual({ state: 'locked', keyStore: 'passphrase' });
  });
});

describe('Vault with the OS keychain', () => {
  it('creates the key silently on first start and unlocks without a passphrase later', async () => {
    const profileDir = newProfileDir();
    const os = new FakeOsKeyStore();
    const first = testVault(profileDir, { osKeyStore: os });
    expect(await first.status()).toEqual({ state: 'locked', keyStore: 'os_keychain' });
    expect(await first.start()).toEqual({ state: 'unlocked', keyStore: 'os_keychain' });
    await first.database().call('applyChanges', { changes: respondentStory('u1', 'r1') });
    await first.close();

    const second = testVault(profileDir, { osKeyStore: os });
    expect(await second.unlockWithOsKeychain()).toEqual({ state: 'unlocked', keyStore: 'os_keychain' });
    expect(await second.database().call('countRows', {})).toMatchObject({ responses: 1 });
    expect(await rejection(second.lock().then(() => second.unlock(PASSPHRASE)))).toMatchObject({
      code: 'keychain_required',
    });
  });

  it('re-wraps the key when the OS asks for it', async () => {
    const profileDir = newProfileDir();
    const os = new FakeOsKeyStore();
    await testVault(profileDir, { osKeyStore: os }).start();
    const before = readFileSync(path.join(profileDir, KEY_FILE_NAME), 'utf8');
    os.askRewrap = true;
    const vault = testVault(profileDir, { osKeyStore: os });
    await vault.unlockWithOsKeychain();
    expect(os.wraps).toBe(2);
    expect(readFileSync(path.join(profileDir, KEY_FILE_NAME), 'utf8')).not.toBe(before);
    await vault.close();
  });

  it('stays locked when the keychain is gone, and says so', async () => {
    const profileDir = newProfileDir();
    await testVault(profileDir, { osKeyStore: new FakeOsKeyStore() }).start();
    const vault = testVault(profileDir, { osKeyStore: null });
    expect(await vault.start()).toEqual({ state: 'locked', keyStore: 'os_keychain' });
    expect(await rejection(vault.unlockWithOsKeychain())).toMatchObject({ code: 'keychain_unavailable' });
  });

  it('removes a database whose key file is gone instead of failing on it forever', async () => {
    const profileDir = newProfileDir();
    const os = new FakeOsKeyStore();
    const first = testVault(profileDir, { osKeyStore: os });
    await first.start();
    await first.database().call('applyChanges', { changes: respondentStory('u1', 'r1') });
    await first.close();
    rmSync(path.join(profileDir, KEY_FILE_NAME));

    const vault = testVault(profileDir, { osKeyStore: os });
    expect(await vault.start()).toMatchObject({ state: 'unlocked' });
    expect(await vault.database().call('countRows', {})).toMatchObject({ responses: 0 });
    expect(existsSync(path.join(profileDir, KEY_FILE_NAME))).toBe(true);
    await vault.close();
  });
});
