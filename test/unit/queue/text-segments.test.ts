import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptAround, linkTarget, searchPrefixes, textSegments } from '../../../common/queue/text-segments.js';

const hits = (text: string, search: string): string[] =>
  textSegments(text, search)
    .filter((s) => s.kind === 'hit')
    .map((s) => s.text);

describe('comment text segments', () => {
  it('highlights words that start with a search word, whatever the case and accents', () => {
    expect(hits('La crème brûlée était froide', 'creme BRU')).toEqual(['crème', 'brûlée']);
    expect(hits('Éditeur crashes; editors too', 'édit')).toEqual(['Éditeur', 'editors']);
    expect(hits('support was slow', 'port')).toEqual([]);
  });

  it('splits search words as the index tokenizes them', () => {
    expect(searchPrefixes("l'interface  Résumé-2")).toEqual(['l', 'interface', 'resume', '2']);
  });

  it('never loses or reorders characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ maxLength: 10 }), (text, search) => {
        expect(
          textSegments(text, search)
            .map((s) => s.text)
            .join(''),
        ).toBe(text);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('turns http(s) links into link pieces, leaving sentence punctuation outside', () => {
    const segments = textSegments('See https://status.example.com/x?y=1. Or www.example.org/faq, thanks', 'thank');
    expect(segments).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://status.example.com/x?y=1', url: 'https://status.example.com/x?y=1' },
      { kind: 'text', text: '. Or ' },
      { kind: 'link', text: 'www.example.org/faq', url: 'https://www.example.org/faq' },
      { kind: 'text', text: ', ' },
      { kind: 'hit', text: 'thanks' },
    ]);
  });

  it('offers no link for anything but http(s)', () => {
    expect(linkTarget('javascript:alert(1)')).toBeNull();
    expect(linkTarget('https://ok.example')).toBe('https://ok.example');
    expect(linkTarget('https://user@evil.example')).toBeNull();
    expect(textSegments('javascript:alert(1) file:///etc/passwd').every((s) => s.kind === 'text')).toBe(true);
  });

  it('starts an excerpt a few words before the first hit when it comes late', () => {
    const text = 'The export works, but every Monday morning the whole dashboard is slow to load';
    expect(excerptAround(text, 'slow')).toBe('…the whole dashboard is slow to load');
    expect(excerptAround(text, 'export')).toBe(text);
    expect(excerptAround(text, '')).toBe(text);
    expect(excerptAround(text, 'absent')).toBe(text);
  });
});
