// The app:// protocol that serves the built renderer (dist/renderer). Loading the UI from a
// privileged custom scheme instead of file:// gives the page a real origin (so CSP 'self',
// fetch and sender validation mean something) and keeps it away from the rest of the disk.
// Everything here is plain Node (fetch-API Request/Response), so it is unit-tested without
// Electron; main.ts only passes the handler to protocol.handle.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { buildContentSecurityPolicy } from './core/security/csp.js';
import { APP_HOST, APP_SCHEME } from './security/origin.js';

/**
 * Registered before `ready` (Electron requires it). standard: real origin and relative URL
 * resolution; secure: treated like https (secure context); supportFetchAPI: fetch() and
 * module scripts work; codeCache: V8 caches our bundles between launches. No bypassCSP, no
 * corsEnabled, no service workers: the page needs none of them.
 */
export const APP_SCHEME_PRIVILEGES: Readonly<CustomScheme> = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown types are served as opaque bytes (nosniff). */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file inside `rendererDir`, or null when it must not be served.
 * The URL parser already folds `..` segments, but percent-encoded separators (`..%2f`) and
 * backslashes survive it, so the decoded path is resolved and then checked to still lie
 * inside the renderer directory.
 */
export function resolveRendererPath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // NUL truncates paths in native code; a backslash is a separator on Windows only, so it is
  // refused everywhere to keep one behaviour on every platform.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;

  const relative = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const root = path.resolve(rendererDir);
  const resolved = path.resolve(root, `.${path.sep}${relative.replace(/^\/+/, '')}`);
  const fromRoot = path.relative(root, resolved);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${path.sep}`) || path.isAbsolute(fromRoot)) {
    return null;
  }
  return resolved;
}

export interface AppProtocolOptions {
  readonly rendererDir: string;
  /** The CSP sent with every response; defaults to the shared strict policy. */
  readonly contentSecurityPolicy?: string;
  /** Injected for tests; defaults to fs.readFile (which Electron patches to read the asar). */
  readonly readFile?: (file: string) => Promise<Uint8Array>;
}

function securityHeaders(csp: string, contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // The bundle is replaced on every update; revalidation is cheap from the local disk.
    'Cache-Control': 'no-cache',
  });
}

function isMissingFile(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === 'ENOENT' || error.code === 'ENOTDIR' || error.code === 'EISDIR';
}

/**
 * The protocol.handle handler. GET/HEAD only; paths outside the renderer are 404 (not 403,
 * so the page learns nothing about the disk); an extension-less path that does not exist
 * falls back to index.html so that a reload on a client-side route still shows the app.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const csp = options.contentSecurityPolicy ?? buildContentSecurityPolicy();
  const read = options.readFile ?? ((file: string) => readFile(file));
  const indexFile = path.join(path.resolve(options.rendererDir), 'index.html');

  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: securityHeaders(csp, 'text/plain; charset=utf-8') });
  const notFound = (): Response => plain(404, 'Not found');

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const headers = securityHeaders(csp, 'text/plain; charset=utf-8');
      headers.set('Allow', 'GET, HEAD');
      return new Response('Method not allowed', { status: 405, headers });
    }
    const file = resolveRendererPath(options.rendererDir, request.url);
    if (file === null) return notFound();

    let served = file;
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch (error) {
      if (!isMissingFile(error)) return plain(500, 'Could not read the file');
      if (path.extname(file) !== '') return notFound();
      try {
        body = await read(indexFile);
        served = indexFile;
      } catch (indexError) {
        return isMissingFile(indexError) ? notFound() : plain(500, 'Could not read the file');
      }
    }
    const headers = securityHeaders(csp, contentTypeFor(served));
    // Copied into a plain ArrayBuffer-backed view: a Buffer may sit on a shared pool slab.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
