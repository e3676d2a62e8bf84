// What route handlers need from the running server.
import type { Store } from '../store/store.js';
import type { Clock } from '../services/clock.js';

export interface HttpContext {
  readonly store: Store;
  readonly clock: Clock;
  /** Test-only: validate every reply against its route's zod schema (500 on mismatch). */
  readonly checkReplies: boolean;
}
