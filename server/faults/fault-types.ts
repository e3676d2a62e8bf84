// Fault injection, for tests only: nothing here runs unless startReferenceServer gets a
// `faults` option. Faults act at the HTTP edge, so the server's logic never knows.
export type Fault =
  /** Wait, then serve normally. */
  | { readonly kind: 'delay'; readonly ms: number }
  /**
   * Cut the connection: `before_handler` drops it unanswered (nothing applied);
   * `mid_body` lets the request take effect, then sends the headers and half the body.
   */
  | { readonly kind: 'drop'; readonly when: 'before_handler' | 'mid_body' }
  /** Answer with this status (an ApiErrorBody) without running the handler. */
  | { readonly kind: 'status'; readonly status: 500 | 503; readonly retryAfterSeconds?: number }
  /** 429 with Retry-After, without running the handler. */
  | { readonly kind: 'rate_limit'; readonly retryAfterSeconds: number }
  /** GET /v1/changes: serve the previous page (of the same token) again, as a replaying proxy would. */
  | { readonly kind: 'duplicate_page' }
  /** GET /v1/changes: answer with the reset reply once. */
  | { readonly kind: 'reset' }
  /** Drop the connection and restart the server: close, reopen the same db, same port. */
  | { readonly kind: 'restart' };

export type FaultKind = Fault['kind'];

/** "*" (every request), "/v1/changes" (any method) or "POST /v1/mutations". */
export type FaultRoute = string;

export interface RandomFaultRule {
  readonly route: FaultRoute;
  /** Chance per matching request, 0–1, drawn from the seeded PRNG. */
  readonly probability: number;
  /** One is picked uniformly when the rule fires. */
  readonly faults: readonly Fault[];
}

export interface FaultOptions {
  /** Seeds the PRNG of random rules (default 1). */
  readonly seed?: number;
  readonly random?: readonly RandomFaultRule[];
}

export interface InjectedFault {
  readonly method: string;
  readonly path: string;
  readonly fault: Fault;
}

/** Scripts faults from a test. Queued faults win over random rules. */
export interface FaultController {
  /** The next matching requests get these faults, one each, in order. */
  enqueue(route: FaultRoute, ...faults: readonly Fault[]): void;
  /** Replaces the random rules. */
  setRandom(rules: readonly RandomFaultRule[]): void;
  /** Drops queued faults and random rules. */
  clear(): void;
  /** Queued faults not yet used (all routes). */
  pending(): number;
  /** Every fault injected so far, oldest first. */
  readonly injected: readonly InjectedFault[];
}
