// The database key: 32 random bytes, used raw by SQLCipher (no KDF inside SQLite, since the
// key is already uniformly random; the passphrase KDF happens once, in the vault).
import { randomBytes } from 'node:crypto';

export const DATABASE_KEY_BYTES = 32;

export function newDatabaseKey(): Buffer {
  return randomBytes(DATABASE_KEY_BYTES);
}

export function isDatabaseKey(key: Uint8Array): boolean {
  return key.byteLength === DATABASE_KEY_BYTES;
}

/**
 * The key as SQLCipher's raw-key literal x'<64 hex>', built in a Buffer rather than a
 * string so that the caller can wipe it after use (JavaScript strings cannot be wiped).
 */
export function rawKeyLiteral(key: Uint8Array): Buffer {
  const literal = Buffer.alloc(3 + key.byteLength * 2);
  literal.write("x'", 0, 'latin1');
  const digits = '0123456789abcdef';
  key.forEach((byte, i) => {
    literal[2 + i * 2] = digits.charCodeAt(byte >> 4);
    literal[3 + i * 2] = digits.charCodeAt(byte & 0x0f);
  });
  literal.write("'", literal.length - 1, 'latin1');
  return literal;
}
