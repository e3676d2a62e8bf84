// Wraps the Node request handler under Fastify: picks a fault for each request from the
// queue or the seeded random rules, then delays, answers, rewrites or cuts the exchange.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../../common/api/errors.js';
import { createPrng, type Prng } from '../lib/prng.js';
import type {
  Fault,
  FaultController,
  FaultOptions,
  FaultRoute,
  InjectedFault,
  RandomFaultRule,
} from './fault-types.js';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

const CHANGES_PATH = '/v1/changes';

function matches(route: FaultRoute, method: string, path: string): boolean {
  if (route === '*') return true;
  const space = route.indexOf(' ');
  return space < 0 ? route === path : route.slice(0, space) === method && route.slice(space + 1) === path;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function errorBody(code: 'internal' | 'unavailable' | 'rate_limited', message: string): ApiErrorBody {
  return { error: { code, message } };
}

/** Sends the status line, the headers and half of the first body chunk, then cuts the socket. */
function cutMidBody(res: ServerResponse): void {
  const write = res.write.bind(res) as (chunk: string | Uint8Array) => boolean;
  const cut = (chunk: unknown): void => {
    if (typeof chunk === 'string' || chunk instanceof Uint8Array) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))));
    } else {
      res.flushHeaders();
    }
    // Let the partial write reach the wire before the reset.
    setImmediate(() => res.socket?.destroy());
  };
  res.write = ((chunk: unknown) => {
    cut(chunk);
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown) => {
    cut(chunk);
    return res;
  }) as ServerResponse['end'];
}

export class FaultInjector implements FaultController {
  readonly #queues: { route: FaultRoute; faults: Fault[] }[] = [];
  #random: readonly RandomFaultRule[];
  readonly #prng: Prng;
  readonly #injected: InjectedFault[] = [];
  /** The previous /v1/changes query string per token, for duplicate_page. */
  readonly #lastChangesQuery = new Map<string, string>();

  constructor(
    options: FaultOptions,
    private readonly onRestart: () => void,
  ) {
    this.#prng = createPrng(options.seed ?? 1);
    this.#random = options.random ?? [];
  }

  get injected(): readonly InjectedFault[] {
    return this.#injected;
  }

  enqueue(route: FaultRoute, ...faults: readonly Fault[]): void {
    this.#queues.push({ route, faults: [...faults] });
  }

  setRandom(rules: readonly RandomFaultRule[]): void {
    this.#random = rules;
  }

  clear(): void {
    this.#queues.length = 0;
    this.#random = [];
  }

  pending(): number {
    return this.#queues.reduce((n, q) => n + q.faults.length, 0);
  }

  wrap(handler: RequestHandler): RequestHandler {
    return (req, res) => {
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', 'http://localhost');
      const fault = this.#take(method, url.pathname);
      const previousQuery = this.#rememberChangesQuery(req, url);
      if (fault === null) {
        handler(req, res);
        return;
      }
      this.#injected.push({ method, path: url.pathname, fault });
      this.#apply(fault, req, res, handler, previousQuery);
    };
  }

  #take(method: string, path: string): Fault | null {
    const queue = this.#queues.find((q) => q.faults.length > 0 && matches(q.route, method, path));
    if (queue) return queue.faults.shift() ?? null;
    for (const rule of this.#random) {
      if (matches(rule.route, method, path) && this.#prng.chance(rule.probability)) return this.#prng.pick(rule.faults);
    }
    return null;
  }

  #rememberChangesQuery(req: IncomingMessage, url: URL): string | undefined {
    if (url.pathname !== CHANGES_PATH) return undefined;
    const who = req.headers.authorization ?? url.searchParams.get('token') ?? '';
    const previous = this.#lastChangesQuery.get(who);
    this.#lastChangesQuery.set(who, url.search);
    return previous;
  }

  #apply(
    fault: Fault,
    req: IncomingMessage,
    res: ServerResponse,
    handler: RequestHandler,
    previousQuery?: string,
  ): void {
    switch (fault.kind) {
      case 'delay':
        setTimeout(() => {
          handler(req, res);
        }, fault.ms);
        return;
      case 'drop':
        if (fault.when === 'before_handler') {
          req.socket.destroy();
          return;
        }
        cutMidBody(res);
        handler(req, res);
        return;
      case 'status': {
        const headers: Record<string, string> =
          fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
        const body =
          fault.status === 503
            ? errorBody('unavailable', 'The server is temporarily unavailable (injected fault).')
            : errorBody('internal', 'Something went wrong on the server (injected fault).');
        sendJson(res, fault.status, body, headers);
        return;
      }
      case 'rate_limit':
        sendJson(res, 429, errorBody('rate_limited', 'Too many requests (injected fault).'), {
          'retry-after': String(fault.retryAfterSeconds),
        });
        return;
      case 'duplicate_page':
        if (previousQuery !== undefined) req.url = `${CHANGES_PATH}${previousQuery}`;
        handler(req, res);
        return;
      case 'reset':
        sendJson(res, 200, { reset: true, reason: 'The server reset its change feed (injected fault).' });
        return;
      case 'restart':
        req.socket.destroy();
        this.onRestart();
        return;
    }
  }
}
