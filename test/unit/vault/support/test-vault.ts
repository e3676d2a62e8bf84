import { InProcessDatabaseClient } from '../../../../electron/core/db/database-client.js';
import { EventBus } from '../../../../electron/core/events.js';
import { TEST_ONLY_WEAK_SCRYPT } from '../../../../electron/core/vault/passphrase-key-store.js';
import { Vault, type VaultOptions } from '../../../../electron/core/vault/vault.js';

/** A vault over an in-process database with cheap KDF parameters. */
export function testVault(profileDir: string, options: Partial<VaultOptions> = {}): Vault {
  return new Vault({
    profileDir,
    openDatabase: (open) => InProcessDatabaseClient.open(open),
    scrypt: TEST_ONLY_WEAK_SCRYPT,
    events: new EventBus(),
    ...options,
  });
}
