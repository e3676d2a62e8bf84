import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '../../../server/http/json-body.js';
import { ServiceError } from '../../../server/services/service-error.js';

const parse = (text: string | Uint8Array) => parseJsonBody(Buffer.from(text));

describe('parseJsonBody', () => {
  it('parses JSON, keeping escaped NULs and astral characters', () => {
    expect(parse('{"t":"a\\u0000b 😡"}')).toEqual({ t: 'a\u0000b 😡' });
  });

  it.each([
    ['invalid UTF-8', new Uint8Array([0x22, 0xc3, 0x28, 0x22])],
    ['empty', '  '],
    ['truncated', '{"a":'],
    ['a raw control character in a string', '"a\u0001b"'],
    ['__proto__', '{"a":{"__proto__":{"polluted":true}}}'],
  ])('refuses %s as malformed_json', (_name, body) => {
    expect(() => parse(body)).toThrow(ServiceError);
    try {
      parse(body);
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 'malformed_json' });
    }
  });
});
