// A mutation the local rules refuse before it reaches the outbox (the same reducer the
// server runs), or one submitted before the engine knows who is signed in.
import type { RejectionCode } from '../../../common/api/mutations.js';

export type RefusalCode = RejectionCode | 'not_signed_in';

export class MutationRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'MutationRefused';
  }
}
