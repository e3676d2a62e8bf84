import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../../electron/core/security/csp.js';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  it('is strict by default: self only, no inline or remote script, nothing embeddable', () => {
    const csp = directives(buildContentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows inline code, eval or wildcard sources', () => {
    const csp = buildContentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:*'] });
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/);
    for (const [name, sources] of directives(csp)) {
      if (name === 'connect-src') continue;
      expect(sources, name).not.toContain('*');
      expect(
        sources.some((source) => /^(https?|wss?):/.test(source)),
        name,
      ).toBe(false);
    }
  });

  it('widens only connect-src for the browser-mode socket', () => {
    const strict = directives(buildContentSecurityPolicy());
    const browser = directives(buildContentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:*'] }));
    expect(browser.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*']);
    for (const [name, sources] of strict) {
      if (name !== 'connect-src') expect(browser.get(name), name).toEqual(sources);
    }
  });

  it.each(["'unsafe-inline'", 'ws://a; script-src *', 'ws://a ws://b', 'a,b', ''])(
    'refuses a connect-src source that is not one plain token: %j',
    (source) => {
      expect(() => buildContentSecurityPolicy({ connectSrc: [source] })).toThrow(/connect-src/);
    },
  );
});
