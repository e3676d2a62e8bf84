import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../server/lib/prng.js';
import { CommentComposer } from '../../../server/demo/comments/compose.js';
import { LANGUAGE_PACKS } from '../../../server/demo/comments/index.js';
import { COMPLAINT_THEMES, DEMO_LANGUAGES, PRAISE_ASPECTS } from '../../../server/demo/comments/pack.js';
import { BANDS } from '../../../common/domain/metrics.js';

describe('comment composition', () => {
  it.each(DEMO_LANGUAGES)('composes complete, varied comments in %s', (language) => {
    const pack = LANGUAGE_PACKS[language];
    for (const theme of COMPLAINT_THEMES) expect(pack.complaints[theme].length).toBeGreaterThanOrEqual(7);
    for (const aspect of PRAISE_ASPECTS) expect(pack.praise[aspect].length).toBeGreaterThanOrEqual(2);
    const composer = new CommentComposer(createPrng(3), pack);
    const texts = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const band = BANDS[i % 3] ?? 'neutral';
      const text = composer.compose(
        band,
        COMPLAINT_THEMES[i % 5] ?? 'bugs',
        COMPLAINT_THEMES[(i + 2) % 5] ?? 'pricing',
        'Ledger',
      );
      expect(text).not.toMatch(/\{\w+\}|\s{2}|^\s|\s$/);
      texts.add(text);
    }
    expect(texts.size).toBeGreaterThan(1500);
  });
});
