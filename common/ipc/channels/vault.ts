// The local cache is locked until its key is unwrapped: by the OS keychain in Electron, or by
// the user's passphrase (browser mode, and Linux without a real keychain).
import { z } from 'zod';
import { channel } from '../define.js';

export const VaultState = z.enum(['needs_passphrase_setup', 'locked', 'unlocked']);
export type VaultState = z.infer<typeof VaultState>;

export const VaultStatus = z.strictObject({
  state: VaultState,
  keyStore: z.enum(['os_keychain', 'passphrase']),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const MIN_PASSPHRASE_LENGTH = 8;

export const VAULT_CHANNELS = {
  'vault:status': channel(z.strictObject({}), VaultStatus),
  'vault:unlock': channel(z.strictObject({ passphrase: z.string().min(1).max(1024) }), VaultStatus),
  'vault:create': channel(z.strictObject({ passphrase: z.string().min(MIN_PASSPHRASE_LENGTH).max(1024) }), VaultStatus),
} as const;
