import { describe, expect, it, vi } from 'vitest';
import {
  classifyExternalUrl,
  createExternalLinkOpener,
  externalLinkDialogOptions,
  MAX_EXTERNAL_URL_LENGTH,
  OPEN_BUTTON_INDEX,
} from '../../../electron/security/external-links.js';

describe('classifyExternalUrl', () => {
  it.each([
    ['https://example.com/help?q=1#a', 'https://example.com/help?q=1#a'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
  ])('allows %s as its canonical form', (raw, canonical) => {
    expect(classifyExternalUrl(raw)).toEqual({ allowed: true, url: canonical });
  });

  it('shows an internationalised host as punycode, so a look-alike domain is visible', () => {
    expect(classifyExternalUrl('https://аpple.com/')).toEqual({ allowed: true, url: 'https://xn--pple-43d.com/' });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://loopdesk/index.html',
    'ms-msdt:/id PCWDiagnostic',
    'smb://server/share',
    'mailto:someone@example.com',
    'vscode://file/etc/passwd',
    'ftp://example.com/',
    'ws://example.com/',
  ])('refuses the scheme of %s', (raw) => {
    expect(classifyExternalUrl(raw)).toEqual({ allowed: false, reason: 'scheme' });
  });

  it.each(['https://bank.example@evil.example/', 'https://user:pass@example.com/'])(
    'refuses credentials that disguise the real host: %s',
    (raw) => {
      expect(classifyExternalUrl(raw)).toEqual({ allowed: false, reason: 'credentials' });
    },
  );

  it('refuses what does not parse and what is too long', () => {
    expect(classifyExternalUrl('not a url')).toEqual({ allowed: false, reason: 'unparseable' });
    expect(classifyExternalUrl('')).toEqual({ allowed: false, reason: 'unparseable' });
    const long = `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`;
    expect(classifyExternalUrl(long)).toEqual({ allowed: false, reason: 'too_long' });
  });
});

describe('externalLinkDialogOptions', () => {
  it('shows the full URL and makes Cancel the default and the escape answer', () => {
    const url = 'https://example.com/a/very/long/path?with=query&and=more#fragment';
    const options = externalLinkDialogOptions(url);
    expect(options.detail).toBe(url);
    expect(options.buttons?.[options.defaultId ?? -1]).toBe('Cancel');
    expect(options.cancelId).toBe(options.defaultId);
    expect(options.buttons?.[OPEN_BUTTON_INDEX]).toMatch(/open/i);
    expect(options.noLink).toBe(true);
  });
});

describe('createExternalLinkOpener', () => {
  const deps = (confirmAnswer: boolean | Promise<boolean>) => ({
    confirm: vi.fn((_url: string) => Promise.resolve(confirmAnswer)),
    open: vi.fn((_url: string) => Promise.resolve()),
    logError: vi.fn(),
  });

  it('opens the canonical URL only after the user confirms it', async () => {
    const d = deps(true);
    await expect(createExternalLinkOpener(d)('HTTPS://Example.com/x')).resolves.toBe('opened');
    expect(d.confirm).toHaveBeenCalledWith('https://example.com/x');
    expect(d.open).toHaveBeenCalledWith('https://example.com/x');
  });

  it('does not open when the user declines', async () => {
    const d = deps(false);
    await expect(createExternalLinkOpener(d)('https://example.com/')).resolves.toBe('declined');
    expect(d.open).not.toHaveBeenCalled();
  });

  it('never asks about a refused URL', async () => {
    const d = deps(true);
    await expect(createExternalLinkOpener(d)('file:///etc/passwd')).resolves.toBe('refused');
    expect(d.confirm).not.toHaveBeenCalled();
    expect(d.open).not.toHaveBeenCalled();
  });

  it('asks one question at a time', async () => {
    let answer: (value: boolean) => void = () => undefined;
    const d = deps(new Promise<boolean>((resolve) => (answer = resolve)));
    const open = createExternalLinkOpener(d);
    const first = open('https://example.com/1');
    await expect(open('https://example.com/2')).resolves.toBe('busy');
    answer(true);
    await expect(first).resolves.toBe('opened');
    expect(d.confirm).toHaveBeenCalledTimes(1);
    d.confirm.mockResolvedValueOnce(false);
    await expect(open('https://example.com/3')).resolves.toBe('declined');
  });

  it('logs a failure to open and stays usable', async () => {
    const d = deps(true);
    d.open.mockRejectedValueOnce(new Error('no browser'));
    const open = createExternalLinkOpener(d);
    await expect(open('https://example.com/')).resolves.toBe('failed');
    expect(d.logError).toHaveBeenCalledOnce();
    await expect(open('https://example.com/')).resolves.toBe('opened');
  });
});
