import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../server/store/cursor.js';

describe('feed cursors', () => {
  it('round-trip and stay opaque printable text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-f0-9]{16}$/), fc.nat(), fc.nat(), (epoch, seq, horizon) => {
        const cursor = encodeCursor({ epoch, seq, horizon });
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(cursor)).toEqual({ epoch, seq, horizon });
      }),
    );
  });

  it('refuse anything the server could not have issued', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const decoded = decodeCursor(text);
        if (decoded !== null) expect(encodeCursor(decoded)).toBe(text);
      }),
    );
    for (const bad of [
      '',
      '!!',
      Buffer.from('c1.abc.1.0').toString('base64url'),
      Buffer.from('c1.0123456789abcdef.01.0').toString('base64url'),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});
