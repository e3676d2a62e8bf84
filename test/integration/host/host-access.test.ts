import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type LoopdeskCore } from '../../../electron/core/app/create-core.js';
import { startHost, type RunningHost } from '../../../electron/host/host-server.js';
import { resolveStaticPath } from '../../../electron/host/static-files.js';
import { fakeShell } from '../../support/fake-shell.js';

const TOKEN = 'test-token-0123456789abcdefghijklmnop';

let core: LoopdeskCore;
let host: RunningHost;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'loopdesk-renderer-'));
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  core = createCore(fakeShell());
  host = await startHost({ core, rendererDir, token: TOKEN });
});

afterAll(async () => {
  await host.close();
  await core.close();
});

type Outcome =
  { readonly opened: true; readonly socket: WebSocket } | { readonly opened: false; readonly status: number };

function connect(query: string, origin: string | undefined): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ipc${query}`, origin === undefined ? {} : { origin });
    socket.once('open', () => {
      resolve({ opened: true, socket });
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve({ opened: false, status: response.statusCode ?? 0 });
    });
    socket.once('error', () => {
      resolve({ opened: false, status: 0 });
    });
  });
}

const ownOrigin = (): string => `http://127.0.0.1:${host.port}`;

describe('browser-mode host', () => {
  it('binds 127.0.0.1 only and prints a URL carrying the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${TOKEN}`);
  });

  it('refuses a socket without the token', async () => {
    expect(await connect('', ownOrigin())).toEqual({ opened: false, status: 401 });
  });

  it('refuses a socket with a wrong token', async () => {
    expect(await connect(`?token=${TOKEN.slice(0, -1)}x`, ownOrigin())).toEqual({ opened: false, status: 401 });
  });

  it('refuses a socket from a foreign Origin, even with the token', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${host.port}`, 'null']) {
      expect(await connect(`?token=${TOKEN}`, origin)).toEqual({ opened: false, status: 403 });
    }
  });

  it('refuses a socket with no Origin at all', async () => {
    expect(await connect(`?token=${TOKEN}`, undefined)).toEqual({ opened: false, status: 403 });
  });

  it('answers invocations through the handler table on an accepted socket', async () => {
    const outcome = await connect(`?token=${TOKEN}`, ownOrigin());
    if (!outcome.opened) throw new Error(`expected the socket to open, got ${outcome.status}`);
    const reply = new Promise<unknown>((resolve) => {
      outcome.socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { type: string };
        if (message.type === 'result') resolve(message);
      });
    });
    outcome.socket.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:ping', request: { sentAt: 3 } }));
    expect(await reply).toMatchObject({ type: 'result', id: 1, result: { ok: true, value: { sentAt: 3 } } });
    outcome.socket.close();
  });

  it('closes a socket that sends a malformed message', async () => {
    const outcome = await connect(`?token=${TOKEN}`, ownOrigin());
    if (!outcome.opened) throw new Error('expected the socket to open');
    const closed = new Promise<number>((resolve) => outcome.socket.once('close', resolve));
    outcome.socket.send('{"type":"invoke","id":"x"}');
    expect(await closed).toBe(1008);
  });

  it('serves the renderer with the CSP and refuses a foreign Host header', async () => {
    const ok = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    const rebinding = await new Promise<number>((resolve) => {
      void import('node:http').then(({ request }) => {
        request({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: 'attacker.example' } }, (res) => { resolve(res.statusCode ?? 0); },
        ).end();
      });
    });
    expect(rebinding).toBe(403);
  });

  it('never serves a file outside the renderer folder', () => {
    for (const attempt of [
      '/../package.json',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/../../secret',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const resolved = resolveStaticPath(rendererDir, attempt);
      expect(resolved === null || resolved.startsWith(rendererDir + path.sep)).toBe(true);
    }
    expect(resolveStaticPath(rendererDir, '/assets/app.js')).toBe(path.join(rendererDir, 'assets', 'app.js'));
    expect(resolveStaticPath(rendererDir, '/')).toBe(path.join(rendererDir, 'index.html'));
  });
});
