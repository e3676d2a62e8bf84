// The ingestion API over the fetch the shell injects (Electron's net.fetch, so the system
// proxy and certificate store apply; Node's fetch in browser mode). Change-feed pages come
// back as raw bytes for the database worker: this thread never parses or validates them.
import { ApiErrorBody } from '../../../common/api/errors.js';
import { MutationReply } from '../../../common/api/mutations.js';
import { API_ROUTES } from '../../../common/api/routes.js';
import { MeReply, StaffDirectoryReply } from '../../../common/api/staff.js';
import { SlaPolicyReply } from '../../../common/api/sla-policy.js';
import type { SlaPolicy } from '../../../common/domain/sla.js';
import type { Staff } from '../../../common/api/records.js';
import type { z } from 'zod';
import { apiUrl } from '../session/fetch-me.js';
import { ApiFailure } from './api-failure.js';
import { parseRetryAfter } from './backoff.js';

export interface ApiConnection {
  readonly baseUrl: string;
  readonly token: string;
}

export interface ApiClientOptions {
  readonly connection: ApiConnection;
  readonly fetch: typeof fetch;
  /** Per request, body included (default 60 s: a 5,000-change page on a slow link). */
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

/** Thrown instead of a failure when the caller's signal (stop()) cancelled the request. */
export class RequestCancelled extends Error {
  constructor() {
    super('The request was cancelled.');
    this.name = 'RequestCancelled';
  }
}

export class ApiClient {
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ApiClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** One page of GET /v1/changes, as bytes (ChangesPage or ChangesReset, unparsed). */
  changes(cursor: string | null, limit: number, signal: AbortSignal): Promise<ArrayBuffer> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== null) query.set('cursor', cursor);
    return this.request(`${API_ROUTES.changes.path}?${query.toString()}`, { signal }, (res) => res.arrayBuffer());
  }

  /** POST /v1/mutations with a body built by the worker from the outbox. */
  mutations(body: string, signal: AbortSignal): Promise<MutationReply> {
    return this.request(
      API_ROUTES.mutations.path,
      { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal },
      (res) => this.json(res, MutationReply),
    );
  }

  me(signal: AbortSignal): Promise<Staff> {
    return this.request(API_ROUTES.me.path, { signal }, (res) => this.json(res, MeReply));
  }

  async staffDirectory(signal: AbortSignal): Promise<readonly Staff[]> {
    const reply = await this.request(API_ROUTES.staffDirectory.path, { signal }, (res) =>
      this.json(res, StaffDirectoryReply),
    );
    return reply.staff;
  }

  /** GET /v1/sla-policy: the team's SLA policy. */
  slaPolicy(signal: AbortSignal): Promise<SlaPolicyReply> {
    return this.request(API_ROUTES.slaPolicy.path, { signal }, (res) => this.json(res, SlaPolicyReply));
  }

  /** PUT /v1/sla-policy (managers; 403 for anyone else). */
  putSlaPolicy(policy: SlaPolicy, signal: AbortSignal): Promise<SlaPolicyReply> {
    return this.request(
      API_ROUTES.setSlaPolicy.path,
      { method: 'PUT', body: JSON.stringify(policy), headers: { 'content-type': 'application/json' }, signal },
      (res) => this.json(res, SlaPolicyReply),
    );
  }

  /**
   * GET /v1/poke: the open event stream. No overall timeout (it is meant to stay open); the
   * caller watches for keep-alives and cancels through the signal.
   */
  poke(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    return this.request(
      API_ROUTES.poke.path,
      { signal, headers: { accept: 'text/event-stream' } },
      (res) => {
        if (res.body === null) throw new ApiFailure('bad_reply', 'The server’s change notifications had no body.');
        return Promise.resolve(res.body);
      },
      { timeout: false },
    );
  }

  private async request<T>(
    path: string,
    init: RequestInit & { readonly signal: AbortSignal },
    read: (res: Response) => Promise<T>,
    { timeout = true }: { readonly timeout?: boolean } = {},
  ): Promise<T> {
    const timer = timeout ? AbortSignal.timeout(this.timeoutMs) : null;
    const signal = timer === null ? init.signal : AbortSignal.any([init.signal, timer]);
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${this.options.connection.token}`);
    try {
      const res = await this.options.fetch(apiUrl(this.options.connection.baseUrl, path.slice(1)), {
        ...init,
        headers,
        signal,
      });
      if (!res.ok) throw await this.httpFailure(res);
      return await read(res);
    } catch (error) {
      if (init.signal.aborted) throw new RequestCancelled();
      if (error instanceof ApiFailure) throw error;
      if (timer?.aborted === true) {
        throw new ApiFailure('timeout', 'The server took too long to answer.', null, null, null, { cause: error });
      }
      throw new ApiFailure('network', 'The server cannot be reached.', null, null, null, { cause: error });
    }
  }

  private async httpFailure(res: Response): Promise<ApiFailure> {
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.now());
    const body = ApiErrorBody.safeParse(await res.json().catch(() => null));
    const code = body.success ? body.data.error.code : null;
    const message =
      res.status === 401
        ? 'The server no longer accepts this sign-in. Sign in again to resume syncing.'
        : body.success
          ? body.data.error.message
          : `The server answered ${res.status}.`;
    return new ApiFailure('http', message, res.status, code, retryAfterMs);
  }

  private async json<S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> {
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new ApiFailure('bad_reply', 'The server sent a reply Loopdesk does not understand.');
    return parsed.data;
  }
}
