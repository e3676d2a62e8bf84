import { describe, expect, it } from 'vitest';
import { KEYMAP, keyLabel, matchKey } from '../../../renderer/keyboard/keymap.js';

describe('keymap', () => {
  it('gives every key one command', () => {
    const keys = KEYMAP.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('matches single keys, sequences, and says when a key starts a sequence', () => {
    expect(matchKey('j', null)).toBe('next');
    expect(matchKey('ArrowUp', null)).toBe('previous');
    expect(matchKey('g', null)).toBe('prefix');
    expect(matchKey('s', 'g')).toBe('goSettings');
    // Without the g before it, s is a follow-up key of its own.
    expect(matchKey('s', null)).toBe('status');
    expect(matchKey('z', null)).toBeNull();
    expect(matchKey('z', 'g')).toBeNull();
  });

  it('writes keys for the cheat sheet', () => {
    expect(keyLabel('g q')).toBe('g then q');
    expect(keyLabel('Escape')).toBe('Esc');
  });
});
