// The `error.code` values of ApiErrorBody (errors.ts), so that clients can switch on them.
export const API_ERROR_CODES = [
  /** 400: the body is not JSON. */
  'malformed_json',
  /** 400: the body, query or path does not match the schema (see `issues`). */
  'invalid_request',
  /** 401: missing, unknown or revoked bearer token. */
  'unauthorized',
  /** 403: the token is valid but its role may not do this. */
  'forbidden',
  /** 404 */
  'not_found',
  /** 405 */
  'method_not_allowed',
  /** 409: an ingestion id reused with a different payload. */
  'conflict',
  /** 413 */
  'payload_too_large',
  /** 415: only application/json bodies are accepted. */
  'unsupported_media_type',
  /** 422: a mutation id reused with a different payload. */
  'mutation_id_reused',
  /** 429: see Retry-After. */
  'rate_limited',
  /** 500 */
  'internal',
  /** 503: see Retry-After when present. */
  'unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
