// Keeps GET /v1/poke open and turns each "changed" event into a pull request. The stream is
// reconnected with full-jitter backoff when it ends or fails, and abandoned as dead when not
// even a keep-alive comment arrives for idleTimeoutMs (a proxy or a sleeping laptop may cut a
// connection without closing it). The server sends one "changed" on connect, so a reconnect
// also catches up on what happened while the stream was down.
import { ApiFailure } from './api-failure.js';
import type { ApiClient } from './api-client.js';
import { retryDelay, type BackoffPolicy } from './backoff.js';
import { SseParser } from './sse-parser.js';
import { sleep, type SyncClock } from './sync-clock.js';

export interface PokeListenerOptions {
  readonly api: ApiClient;
  readonly clock: SyncClock;
  readonly random: () => number;
  readonly backoff: BackoffPolicy;
  readonly idleTimeoutMs: number;
  readonly onPoke: () => void;
  /** The stream is open (true) or down (false). */
  readonly onConnection: (open: boolean) => void;
  readonly onUnauthorized: () => void;
}

export class PokeListener {
  private controller: AbortController | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: PokeListenerOptions) {}

  start(): void {
    if (this.running !== null) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.loop(controller.signal);
  }

  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
    this.controller = null;
    this.running = null;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      let retryAfterMs: number | null = null;
      try {
        await this.listenOnce(signal, () => {
          attempt = 0;
        });
      } catch (error) {
        if (error instanceof ApiFailure) {
          if (error.unauthorized) {
            this.options.onUnauthorized();
            return;
          }
          retryAfterMs = error.retryAfterMs;
        }
        // Anything else (cancelled, cut, garbled) is handled like a closed stream: reconnect.
      }
      this.options.onConnection(false);
      // Returns at once when stopped; the loop condition then ends it.
      await sleep(
        this.options.clock,
        retryDelay(attempt, retryAfterMs, this.options.backoff, this.options.random),
        signal,
      );
      attempt += 1;
    }
  }

  private async listenOnce(outer: AbortSignal, onOpen: () => void): Promise<void> {
    const controller = new AbortController();
    let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
    // Not every fetch ends a body that is being read when its signal aborts: cancelling the
    // reader ends the pending read in any case.
    const abort = (): void => {
      controller.abort();
      reader?.cancel().catch(() => undefined);
    };
    outer.addEventListener('abort', abort, { once: true });
    let watchdog = this.options.clock.setTimeout(abort, this.options.idleTimeoutMs);
    const feed = (): void => {
      this.options.clock.clearTimeout(watchdog);
      watchdog = this.options.clock.setTimeout(abort, this.options.idleTimeoutMs);
    };
    try {
      const stream = await this.options.api.poke(controller.signal);
      onOpen();
      this.options.onConnection(true);
      const parser = new SseParser();
      const open = stream.getReader();
      reader = open;
      if (controller.signal.aborted) return;
      try {
        for (;;) {
          const { done, value } = await open.read();
          if (done) return;
          feed();
          if (parser.push(value).includes('changed')) this.options.onPoke();
        }
      } finally {
        await open.cancel().catch(() => undefined);
        open.releaseLock();
      }
    } finally {
      this.options.clock.clearTimeout(watchdog);
      outer.removeEventListener('abort', abort);
    }
  }
}
