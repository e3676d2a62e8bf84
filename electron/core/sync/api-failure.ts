// Why a request to the ingestion API failed, classified for the retry policy and written
// for the status bar: network trouble and 408/429/5xx are retried, 401 means "sign in
// again", anything else is an error worth showing until the next attempt.
export type ApiFailureKind = 'network' | 'timeout' | 'http' | 'bad_reply';

export class ApiFailure extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    message: string,
    readonly status: number | null = null,
    /** The ApiErrorBody code when the server sent one. */
    readonly code: string | null = null,
    readonly retryAfterMs: number | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ApiFailure';
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }

  /** The network is down or the server could not answer: not the request's fault. */
  get offline(): boolean {
    return this.kind === 'network' || this.kind === 'timeout';
  }

  get retryable(): boolean {
    if (this.kind !== 'http') return true;
    const status = this.status ?? 0;
    return status === 408 || status === 429 || status >= 500;
  }
}

/** The request was cancelled by stop(): not a failure to report. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
