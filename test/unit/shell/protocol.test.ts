import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildContentSecurityPolicy } from '../../../electron/core/security/csp.js';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createAppProtocolHandler,
  resolveRendererPath,
} from '../../../electron/protocol.js';

const ROOT = path.resolve('/srv/loopdesk/dist/renderer');

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app:// a standard, secure, fetchable scheme and nothing more', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      codeCache: true,
    });
  });
});

describe('resolveRendererPath', () => {
  it('maps app://loopdesk paths into the renderer folder', () => {
    expect(resolveRendererPath(ROOT, 'app://loopdesk/index.html')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveRendererPath(ROOT, 'app://loopdesk/assets/index-abc.js?v=1#x')).toBe(
      path.join(ROOT, 'assets', 'index-abc.js'),
    );
    expect(resolveRendererPath(ROOT, 'app://loopdesk/')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveRendererPath(ROOT, 'app://loopdesk')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveRendererPath(ROOT, 'app://loopdesk/fonts/')).toBe(path.join(ROOT, 'fonts', 'index.html'));
    expect(resolveRendererPath(ROOT, 'app://loopdesk/a%20b.png')).toBe(path.join(ROOT, 'a b.png'));
  });

  it.each([
    'app://loopdesk/../../etc/passwd',
    'app://loopdesk/%2e%2e/%2e%2e/etc/passwd',
    'app://loopdesk/..%2f..%2fetc%2fpasswd',
    'app://loopdesk/assets/..%2f..%2f..%2fsecret',
    'app://loopdesk/%2fetc%2fpasswd',
    'app://loopdesk/..%5c..%5cwindows%5cwin.ini',
    'app://loopdesk/a\\..\\..\\x',
    'app://loopdesk/index.html%00.png',
    'app://loopdesk/%E0%A4%A',
    'app://loopdesk/..',
    'app://loopdesk/%2e%2e',
  ])('never resolves outside the renderer folder: %s', (url) => {
    // The URL parser folds plain `..` segments itself (…/../../etc/passwd becomes
    // ROOT/etc/passwd, harmless); whatever survives it must be refused or stay inside ROOT.
    const resolved = resolveRendererPath(ROOT, url);
    if (resolved !== null) expect(resolved.startsWith(ROOT + path.sep), resolved).toBe(true);
  });

  it('refuses the encoded traversals outright', () => {
    expect(resolveRendererPath(ROOT, 'app://loopdesk/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveRendererPath(ROOT, 'app://loopdesk/a\\..\\..\\x')).toBeNull();
    expect(resolveRendererPath(ROOT, 'app://loopdesk/index.html%00.png')).toBeNull();
    expect(resolveRendererPath(ROOT, 'app://loopdesk/%E0%A4%A')).toBeNull();
  });

  it.each([
    'app://other/index.html',
    'file:///srv/loopdesk/dist/renderer/index.html',
    'https://loopdesk/index.html',
    'nonsense',
  ])('refuses URLs that are not on app://loopdesk: %s', (url) => {
    expect(resolveRendererPath(ROOT, url)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.JSON', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['Makefile', 'application/octet-stream'],
    ['a.exe', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let rendererDir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-protocol-'));
    rendererDir = path.join(dir, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Loopdesk</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET'): Promise<Response> =>
    createAppProtocolHandler({ rendererDir })(new Request(url, { method }));

  it('serves files with their MIME type, the strict CSP and nosniff', async () => {
    const response = await get('app://loopdesk/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(buildContentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves index.html for the root', async () => {
    const response = await get('app://loopdesk/');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Loopdesk</title>');
  });

  it('falls back to index.html for an extension-less client route, 404 for a missing asset', async () => {
    const route = await get('app://loopdesk/queue/123');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Loopdesk</title>');
    const missing = await get('app://loopdesk/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(buildContentSecurityPolicy());
  });

  it('answers 404 (with no file content) for traversal attempts', async () => {
    for (const url of ['app://loopdesk/..%2fsecret.txt', 'app://loopdesk/assets/..%2f..%2fsecret.txt']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('do not serve');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://loopdesk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://loopdesk/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('uses the CSP it is given and reports read errors as 500 without leaking them', async () => {
    const readFile = vi.fn(() => Promise.reject(Object.assign(new Error('EACCES: /home/x'), { code: 'EACCES' })));
    const handler = createAppProtocolHandler({ rendererDir, contentSecurityPolicy: "default-src 'none'", readFile });
    const response = await handler(new Request('app://loopdesk/index.html'));
    expect(response.status).toBe(500);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await response.text()).not.toContain('/home/x');
  });
});
