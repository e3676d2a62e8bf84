// The vault: holds the profile's encrypted cache shut until its key is unwrapped, by the OS
// keychain or by the user's passphrase, then opens it (in the database worker, migrations
// included) and hands the DatabaseClient to the rest of the core. Operations run one at a
// time, so a double-clicked "Unlock" cannot open the database twice.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { MIN_PASSPHRASE_LENGTH, type VaultStatus } from '../../../common/ipc/channels/vault.js';
import type { DatabaseClient, OpenDatabaseClient } from '../db/database-client.js';
import { newDatabaseKey } from '../db/database-key.js';
import { ensurePrivateDirectory } from '../db/private-files.js';
import type { EventBus } from '../events.js';
import { readKeyFile, writeKeyFile, type KeyFile } from './key-file.js';
import type { KeyStore, OsKeyStore } from './key-store.js';
import { PassphraseKeyStore } from './passphrase-key-store.js';
import { VaultError } from './vault-errors.js';
import type { KeyStoreKind, ScryptParams, WrappedKey } from './wrapped-key.js';

export const DATABASE_FILE_NAME = 'loopdesk.db';
export const KEY_FILE_NAME = 'vault.json';

export interface VaultOptions {
  /** The profile folder; made 0700 if it is not already. */
  readonly profileDir: string;
  /** Opens the cache once the key is known: in the worker for the app, in-process in tests. */
  readonly openDatabase: OpenDatabaseClient;
  /** The OS keychain when it really protects the key; null where there is none. */
  readonly osKeyStore?: OsKeyStore | null;
  /** LOOPDESK_PASSPHRASE (tests, browser mode): start() creates or unlocks with it. */
  readonly passphraseFromEnv?: string;
  /** KDF cost for new passphrase wrappings; tests pass TEST_ONLY_WEAK_SCRYPT. */
  readonly scrypt?: ScryptParams;
  /** Where 'vault:status' is announced to the renderer. */
  readonly events?: EventBus;
  readonly logError?: (context: string, error: unknown) => void;
}

export type VaultStatusListener = (status: VaultStatus) => void;

export class Vault {
  private readonly databaseFile: string;
  private readonly keyFilePath: string;
  private readonly osKeyStore: OsKeyStore | null;
  private readonly listeners = new Set<VaultStatusListener>();
  private client: DatabaseClient | null = null;
  private keyFile: KeyFile | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private prepared = false;
  private announced: VaultStatus | null = null;

  constructor(private readonly options: VaultOptions) {
    this.databaseFile = path.join(options.profileDir, DATABASE_FILE_NAME);
    this.keyFilePath = path.join(options.profileDir, KEY_FILE_NAME);
    this.osKeyStore = options.osKeyStore ?? null;
  }

  /**
   * Unlocks without asking when it can: with the OS keychain (creating the key on first
   * run), or with the passphrase from the environment. Otherwise the vault stays locked
   * (or awaiting a passphrase) until the user acts. Always announces the resulting status.
   */
  start(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      const keyFile = this.keyFile;
      const fromEnv = this.options.passphraseFromEnv;
      if (this.client !== null) return;
      if (keyFile === null) {
        if (fromEnv !== undefined && fromEnv !== '') await this.createWithPassphrase(fromEnv);
        else if (this.osKeyStore !== null) await this.createWithOsKeychain(this.osKeyStore);
        return;
      }
      const wrapped = keyFile.wrapped;
      switch (wrapped.keyStore) {
        case 'os_keychain':
          if (this.osKeyStore !== null) await this.unlockWith(this.osKeyStore, wrapped);
          return;
        case 'passphrase':
          if (fromEnv !== undefined && fromEnv !== '') await this.unlockWith(this.passphraseStore(fromEnv), wrapped);
          return;
      }
    });
  }

  status(): Promise<VaultStatus> {
    return this.exclusive(() => Promise.resolve());
  }

  /** Sets up a new profile protected by this passphrase, and unlocks it. */
  create(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.client !== null || this.keyFile !== null) throw new VaultError('already_created');
      await this.createWithPassphrase(passphrase);
    });
  }

  unlock(passphrase: string): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.client !== null) return;
      const wrapped = this.requireKeyFile().wrapped;
      if (wrapped.keyStore !== 'passphrase') throw new VaultError('keychain_required');
      await this.unlockWith(this.passphraseStore(passphrase), wrapped);
    });
  }

  /** The no-passphrase path of the Electron shell; creates the key on first run. */
  unlockWithOsKeychain(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      if (this.client !== null) return;
      const os = this.osKeyStore;
      if (os === null) throw new VaultError('keychain_unavailable');
      const keyFile = this.keyFile;
      if (keyFile === null) {
        await this.createWithOsKeychain(os);
        return;
      }
      const wrapped = keyFile.wrapped;
      if (wrapped.keyStore !== 'os_keychain') throw new VaultError('passphrase_required');
      await this.unlockWith(os, wrapped);
    });
  }

  /** Closes the database; the key is forgotten until the next unlock. */
  lock(): Promise<VaultStatus> {
    return this.exclusive(async () => {
      const client = this.client;
      this.client = null;
      await client?.close();
    });
  }

  /** The open cache. Throws VaultError('locked') while the vault is locked. */
  database(): DatabaseClient {
    if (this.client === null) throw new VaultError('locked');
    return this.client;
  }

  /** For core services that start and stop with the database (sync, the outbox). */
  onStatus(listener: VaultStatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.lock();
    this.listeners.clear();
  }

  private currentStatus(): VaultStatus {
    const keyStore: KeyStoreKind =
      this.keyFile?.wrapped.keyStore ?? (this.osKeyStore === null ? 'passphrase' : 'os_keychain');
    if (this.client !== null) return { state: 'unlocked', keyStore };
    if (this.keyFile === null && keyStore === 'passphrase') return { state: 'needs_passphrase_setup', keyStore };
    return { state: 'locked', keyStore };
  }

  /**
   * Runs one operation after the previous one settled, then reports the status. The key
   * file is re-read first: it is the truth about what the profile holds.
   */
  private exclusive(operation: () => Promise<void>): Promise<VaultStatus> {
    const run = async (): Promise<VaultStatus> => {
      try {
        await this.refreshKeyFile();
        await operation();
      } finally {
        this.announce();
      }
      return this.currentStatus();
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async refreshKeyFile(): Promise<void> {
    if (!this.prepared) {
      ensurePrivateDirectory(this.options.profileDir);
      this.prepared = true;
    }
    this.keyFile = await readKeyFile(this.keyFilePath);
  }

  /** Tells the renderer and the core's services when the status changes (and once at first). */
  private announce(): void {
    const status = this.currentStatus();
    const last = this.announced;
    if (last !== null && last.state === status.state && last.keyStore === status.keyStore) return;
    this.announced = status;
    this.options.events?.emit('vault:status', status);
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch (error) {
        this.options.logError?.('vault status listener', error);
      }
    }
  }

  private requireKeyFile(): KeyFile {
    if (this.keyFile === null) throw new VaultError('not_created');
    return this.keyFile;
  }

  private passphraseStore(passphrase: string): PassphraseKeyStore {
    return new PassphraseKeyStore(passphrase, { scrypt: this.options.scrypt });
  }

  private async createWithPassphrase(passphrase: string): Promise<void> {
    // Counted as the vault:create channel counts it (UTF-16 units), so both agree.
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new VaultError('passphrase_too_short');
    const key = newDatabaseKey();
    await this.install(await this.passphraseStore(passphrase).wrap(key), key);
  }

  private async createWithOsKeychain(os: OsKeyStore): Promise<void> {
    const key = newDatabaseKey();
    await this.install(await os.wrap(key), key);
  }

  /**
   * The key file is written before the database is created: a crash in between leaves a key
   * without a database, which the next unlock simply creates. A database without a key file
   * (the file was deleted) can never be read again, so it is removed rather than kept.
   */
  private async install(wrapped: WrappedKey, key: Buffer): Promise<void> {
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.databaseFile + suffix, { force: true });
    this.keyFile = writeKeyFile(this.keyFilePath, wrapped);
    await this.openWith(key);
  }

  private async unlockWith<W extends WrappedKey>(store: KeyStore<W>, wrapped: W): Promise<void> {
    const unwrapped = await store.unwrap(wrapped);
    if (unwrapped.rewrap) {
      // Best effort: the old wrapping still works, so a failure here must not lock the user out.
      try {
        this.keyFile = writeKeyFile(this.keyFilePath, await store.wrap(unwrapped.key));
      } catch (error) {
        this.options.logError?.('vault rewrap', error);
      }
    }
    await this.openWith(unwrapped.key);
  }

  private async openWith(key: Buffer): Promise<void> {
    try {
      this.client = await this.options.openDatabase({ file: this.databaseFile, key });
    } finally {
      key.fill(0);
    }
  }
}
