// Every non-2xx reply has the ApiErrorBody of common/api/errors.ts, whatever failed:
// Fastify's body parsing, validation, authorization, a service rule, or a bug.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { ApiErrorBody } from '../../common/api/errors.js';
import type { ApiErrorCode } from '../../common/api/error-codes.js';
import { ServiceError, type ErrorIssue } from '../services/service-error.js';

export function errorBody(code: ApiErrorCode, message: string, issues?: readonly ErrorIssue[]): ApiErrorBody {
  return { error: { code, message, ...(issues === undefined ? {} : { issues: [...issues] }) } };
}

export function zodIssues(error: z.ZodError, where: 'body' | 'query' | 'params'): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

const FASTIFY_ERRORS: Readonly<Record<string, readonly [number, ApiErrorCode, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is larger than this endpoint accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the body as application/json.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json', 'The body is empty but the content-type is application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_request', 'The Content-Length does not match the body.'],
};

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).code === 'string';
}

export function sendError(reply: FastifyReply, status: number, body: ApiErrorBody): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="loopdesk"');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

export function installErrorHandlers(
  app: FastifyInstance,
  knownPaths: readonly { readonly pattern: RegExp; readonly methods: readonly string[] }[],
): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ServiceError) {
      return sendError(reply, error.status, errorBody(error.code, error.message, error.issues));
    }
    const known = isFastifyError(error) ? FASTIFY_ERRORS[error.code] : undefined;
    if (known) return sendError(reply, known[0], errorBody(known[1], known[2]));
    const status = isFastifyError(error) ? (error.statusCode ?? 500) : 500;
    if (status >= 400 && status < 500) {
      return sendError(
        reply,
        status,
        errorBody('invalid_request', error instanceof Error ? error.message : 'Bad request.'),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(
      reply,
      500,
      errorBody('internal', 'Something went wrong on the server; the request may be retried.'),
    );
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const match = knownPaths.find((p) => p.pattern.test(path));
    if (match) {
      reply.header('allow', match.methods.join(', '));
      return sendError(reply, 405, errorBody('method_not_allowed', `${request.method} is not allowed on ${path}.`));
    }
    return sendError(reply, 404, errorBody('not_found', `There is no endpoint ${request.method} ${path}.`));
  });
}
