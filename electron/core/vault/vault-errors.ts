// Why the vault could not do what was asked, in words for the person at the keyboard.
import { MIN_PASSPHRASE_LENGTH } from '../../../common/ipc/channels/vault.js';

export const VAULT_ERROR_MESSAGES = {
  wrong_passphrase: 'The passphrase is not correct.',
  locked: 'The local cache is locked. Unlock it first.',
  already_created: 'This profile is already protected. Unlock it instead.',
  not_created: 'This profile has no passphrase yet. Choose one first.',
  keychain_unavailable:
    'The system keychain is not available, so Loopdesk cannot unlock this profile by itself. ' +
    'Check that your keyring or keychain is unlocked, then restart Loopdesk.',
  keychain_required: 'This profile is protected by the system keychain, not by a passphrase.',
  passphrase_required: 'This profile is protected by a passphrase. Enter it to unlock.',
  passphrase_too_short: `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`,
  key_file_invalid: 'The profile’s key file is damaged, so Loopdesk cannot unlock the local cache.',
} as const;

export type VaultErrorCode = keyof typeof VAULT_ERROR_MESSAGES;

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    options?: ErrorOptions,
  ) {
    super(VAULT_ERROR_MESSAGES[code], options);
    this.name = 'VaultError';
  }
}
