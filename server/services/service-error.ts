// A refusal that the HTTP layer turns into an ApiErrorBody with this status and code.
import type { ApiErrorCode } from '../../common/api/error-codes.js';

export interface ErrorIssue {
  readonly path: string;
  readonly message: string;
}

export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: readonly ErrorIssue[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string): ServiceError => new ServiceError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message: string): ServiceError => new ServiceError(403, 'forbidden', message);
