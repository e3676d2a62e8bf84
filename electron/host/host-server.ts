// Browser mode: the same renderer and the same IPC handler table as the Electron shell,
// served to a real browser over HTTP + a WebSocket on 127.0.0.1. Used on machines without
// the Electron runtime and by the e2e tests.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LoopdeskCore } from '../core/app/create-core.js';
import { buildContentSecurityPolicy } from '../core/security/csp.js';
import { checkSocketAccess, isOwnHost, ownOrigin } from './access-check.js';
import { serveStatic } from './static-files.js';
import { ClientMessage, SOCKET_PATH, type HostMessage } from './socket-protocol.js';

export interface HostOptions {
  readonly core: LoopdeskCore;
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Fixed only by tests; a fresh random secret per launch otherwise. */
  readonly token?: string;
  readonly logError?: (context: string, error: unknown) => void;
}

export interface RunningHost {
  readonly port: number;
  readonly token: string;
  /** Open this in a browser: the token travels in the fragment, never to the server's logs. */
  readonly url: string;
  close(): Promise<void>;
}

/** Large enough for any IPC request the renderer makes; a bigger frame is hostile. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

function securityHeaders(port: number): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy({ connectSrc: [`ws://127.0.0.1:${port}`] }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function tokenOf(request: IncomingMessage): string | null {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  return url.pathname === SOCKET_PATH ? url.searchParams.get('token') : null;
}

function refuse(socket: Duplex, status: 401 | 403 | 404, reason: string): void {
  const statusText = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(`HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}`);
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const logError = options.logError ?? ((context, error) => {
      console.error(`[host] ${context}`, error);
    });
  let port = 0;

  const http = createServer((request, response) => {
    if (!isOwnHost(request.headers.host, port)) {
      response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden');
      return;
    }
    serveStatic(options.rendererDir, request, response, securityHeaders(port)).catch((error: unknown) => {
      logError('static', error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname !== SOCKET_PATH) {
      refuse(socket, 404, 'Not found');
      return;
    }
    const decision = checkSocketAccess(request.headers, tokenOf(request), { token, port });
    if (!decision.allowed) {
      refuse(socket, decision.status, decision.reason);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      attachSession(ws, options.core, logError);
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => {
      resolve();
    });
  });
  port = (http.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `${ownOrigin(port)}/#token=${token}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => {
        http.close(() => {
          resolve();
        });
      });
    },
  };
}

function attachSession(ws: WebSocket, core: LoopdeskCore, logError: (context: string, error: unknown) => void): void {
  const send = (message: HostMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const disconnect = core.events.connect((event, payload) => {
    send({ type: 'event', event, payload });
  });
  ws.on('close', disconnect);
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      ws.close(1003, 'text frames only');
      return;
    }
    let message: ClientMessage;
    try {
      message = ClientMessage.parse(JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : ''));
    } catch {
      ws.close(1008, 'malformed message');
      return;
    }
    core
      .dispatch(message.channel, message.request)
      .then((result) => {
        send({ type: 'result', id: message.id, result });
      })
      .catch((error: unknown) => {
        logError(`dispatch ${message.channel}`, error);
      });
  });
}
