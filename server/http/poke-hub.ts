// GET /v1/poke: server-sent events. Each commit that wrote to the change log pokes every
// subscriber with a payload-free "changed" event (coalesced, so a burst of writes is one
// poke); comments keep idle connections alive through proxies.
import type { ServerResponse } from 'node:http';

export interface PokeHubOptions {
  /** How often an idle stream gets a keep-alive comment. */
  readonly keepAliveMs: number;
  /** Pokes within this window become one. */
  readonly coalesceMs: number;
}

const CHANGED = 'event: changed\ndata: \n\n';

export class PokeHub {
  readonly #streams = new Set<ServerResponse>();
  readonly #keepAlive: NodeJS.Timeout;
  #pending: NodeJS.Timeout | null = null;

  constructor(private readonly options: PokeHubOptions) {
    this.#keepAlive = setInterval(() => {
      this.#broadcast(': keep-alive\n\n');
    }, options.keepAliveMs);
    this.#keepAlive.unref();
  }

  get subscribers(): number {
    return this.#streams.size;
  }

  /** Takes over a response: headers, a retry hint, and one "changed" so a reconnect catches up. */
  subscribe(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\n: connected\n\n${CHANGED}`);
    this.#streams.add(res);
    res.on('close', () => this.#streams.delete(res));
  }

  poke(): void {
    if (this.#pending !== null) return;
    this.#pending = setTimeout(() => {
      this.#pending = null;
      this.#broadcast(CHANGED);
    }, this.options.coalesceMs);
  }

  close(): void {
    clearInterval(this.#keepAlive);
    if (this.#pending !== null) clearTimeout(this.#pending);
    for (const res of this.#streams) res.end();
    this.#streams.clear();
  }

  #broadcast(text: string): void {
    for (const res of this.#streams) if (!res.writableEnded) res.write(text);
  }
}
