import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseError, DatabaseOpenError } from '../../../electron/core/db/errors.js';
import { createHandlerTable, type HandlerMap } from '../../../electron/core/ipc/handler-table.js';
import { toIpcFailure } from '../../../electron/core/ipc/handlers/explained.js';
import { vaultHandlers } from '../../../electron/core/ipc/handlers/vault-handlers.js';
import type { Vault } from '../../../electron/core/vault/vault.js';
import { VaultError } from '../../../electron/core/vault/vault-errors.js';
import { tempDir } from '../db/support/temp-dirs.js';
import { testVault } from './support/test-vault.js';

const PASSPHRASE = 'correct horse battery staple';

/** Only the vault's channels are exercised; the others are never called. */
function dispatchFor(vault: Vault) {
  const internal: unknown[] = [];
  const dispatch = createHandlerTable({ ...vaultHandlers(vault) } as HandlerMap, {
    onInternalError: (_channel, error) => internal.push(error),
  });
  return { dispatch, internal };
}

describe('vault channels', () => {
  it('set up, then unlock a profile through IPC', async () => {
    const profileDir = path.join(tempDir(), 'profile');
    const { dispatch } = dispatchFor(testVault(profileDir));
    expect(await dispatch('vault:status', {})).toEqual({
      ok: true,
      value: { state: 'needs_passphrase_setup', keyStore: 'passphrase' },
    });
    expect(await dispatch('vault:create', { passphrase: PASSPHRASE })).toEqual({
      ok: true,
      value: { state: 'unlocked', keyStore: 'passphrase' },
    });
    const again = dispatchFor(testVault(profileDir));
    expect(await again.dispatch('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
  });

  it('answers a wrong passphrase with the wrong_passphrase code and a readable message', async () => {
    const profileDir = path.join(tempDir(), 'profile');
    await testVault(profileDir).create(PASSPHRASE);
    const { dispatch, internal } = dispatchFor(testVault(profileDir));
    expect(await dispatch('vault:unlock', { passphrase: 'nope nope nope' })).toEqual({
      ok: false,
      error: { code: 'wrong_passphrase', message: 'The passphrase is not correct.' },
    });
    expect(internal).toEqual([]);
  });

  it('answers unlock before setup with locked, and a short passphrase with invalid_input', async () => {
    const { dispatch } = dispatchFor(testVault(path.join(tempDir(), 'profile')));
    expect(await dispatch('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await dispatch('vault:create', { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('maps every vault error and the database errors a user can act on', () => {
    expect(toIpcFailure(new VaultError('keychain_unavailable'))).toMatchObject({ code: 'unavailable' });
    expect(
      toIpcFailure(new DatabaseOpenError('newer_schema', 'This profile was written by a newer Loopdesk')),
    ).toMatchObject({ code: 'unavailable', message: 'This profile was written by a newer Loopdesk' });
    expect(toIpcFailure(new DatabaseError('closed', 'closed'))).toMatchObject({ code: 'locked' });
    // Bugs are not dressed up: the handler table logs them and answers 'internal'.
    expect(toIpcFailure(new DatabaseError('unknown_operation', 'x'))).toBeNull();
    expect(toIpcFailure(new Error('boom'))).toBeNull();
  });
});
