// The composition root as the browser-mode host uses it: LOOPDESK_PASSPHRASE unlocks the
// vault at start, and the database runs in the real worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaultStatus } from '../../../common/ipc/channels/vault.js';
import { createCore } from '../../../electron/core/app/create-core.js';
import type { ShellServices } from '../../../electron/core/app/shell-services.js';
import { tempDir } from '../../unit/db/support/temp-dirs.js';
import { respondentStory } from '../../unit/db/support/records.js';
import { buildDbWorker, type BuiltWorker } from './support/build-db-worker.js';

let built: BuiltWorker;
beforeAll(async () => {
  built = await buildDbWorker();
});
afterAll(() => {
  built.remove();
});

function shell(profileDir: string, overrides: Partial<ShellServices> = {}): ShellServices {
  return {
    kind: 'browser',
    version: '0.0.0-test',
    platform: process.platform,
    profileDir,
    openExternal: () => Promise.resolve(false),
    startDemoServer: () => Promise.reject(new Error('no demo server in this test')),
    logError: (context, error) => {
      throw new Error(`unexpected error in ${context}: ${String(error)}`);
    },
    osKeyStore: null,
    fetch: globalThis.fetch,
    dbWorkerPath: built.workerPath,
    ...overrides,
  };
}

function nextUnlocked(core: ReturnType<typeof createCore>): Promise<VaultStatus> {
  return new Promise((resolve) => {
    const unsubscribe = core.vault.onStatus((status) => {
      if (status.state !== 'unlocked') return;
      unsubscribe();
      resolve(status);
    });
  });
}

describe('createCore with the vault', () => {
  it('creates and unlocks from LOOPDESK_PASSPHRASE, serving the database from the worker', async () => {
    const profileDir = tempDir();
    // The cheap KDF is not reachable through ShellServices: this test pays one real scrypt.
    const core = createCore(shell(profileDir, { passphraseFromEnv: 'correct horse battery staple' }));
    const sink: VaultStatus[] = [];
    core.events.connect((event, payload) => {
      if (event === 'vault:status') sink.push(payload as VaultStatus);
    });
    expect(await nextUnlocked(core)).toEqual({ state: 'unlocked', keyStore: 'passphrase' });
    expect(await core.dispatch('vault:status', {})).toEqual({
      ok: true,
      value: { state: 'unlocked', keyStore: 'passphrase' },
    });
    await core.vault.database().call('applyChanges', { changes: respondentStory('u1', 'r1') });
    expect(await core.vault.database().call('countRows', {})).toMatchObject({ responses: 1 });
    expect(sink.at(-1)).toEqual({ state: 'unlocked', keyStore: 'passphrase' });
    await core.close();
    expect(core.vault.database.bind(core.vault)).toThrow(/locked/);
  });

  it('waits for the user when there is neither keychain nor passphrase', async () => {
    const core = createCore(shell(tempDir()));
    expect(await core.dispatch('vault:status', {})).toEqual({
      ok: true,
      value: { state: 'needs_passphrase_setup', keyStore: 'passphrase' },
    });
    await core.close();
  });
});
