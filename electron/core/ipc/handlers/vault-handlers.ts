// The vault's channels; their failures reach the renderer typed (explained.ts).
import type { Vault } from '../../vault/vault.js';
import type { HandlerMap } from '../handler-table.js';
import { explained } from './explained.js';

type VaultChannels = 'vault:status' | 'vault:unlock' | 'vault:create';

export function vaultHandlers(vault: Vault): Pick<HandlerMap, VaultChannels> {
  return {
    'vault:status': () => explained(() => vault.status()),
    'vault:unlock': ({ passphrase }) => explained(() => vault.unlock(passphrase)),
    'vault:create': ({ passphrase }) => explained(() => vault.create(passphrase)),
  };
}
