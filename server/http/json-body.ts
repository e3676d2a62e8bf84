// The JSON body parser. Fastify's default decodes invalid UTF-8 into U+FFFD silently, which
// would break "stored and served byte-exact": this one refuses such bodies instead, and
// refuses __proto__ keys so no parsed object can carry a surprising prototype.
import type { FastifyInstance } from 'fastify';
import { ServiceError } from '../services/service-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function malformed(message: string): ServiceError {
  return new ServiceError(400, 'malformed_json', message);
}

export function parseJsonBody(body: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw malformed('The body is not valid UTF-8.');
  }
  if (text.trim() === '') throw malformed('The body is empty but the content-type is application/json.');
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__') throw malformed('The body contains a "__proto__" key.');
      return value;
    }) as unknown;
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw malformed(`The body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
  }
}

export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
