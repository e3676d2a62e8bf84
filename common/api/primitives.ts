import { z } from 'zod';

/** Opaque identifiers: short printable strings. */
export const Id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must be a plain identifier');
/** ISO 8601 instant with a timezone, as every timestamp on the wire. */
export const Instant = z.iso.datetime({ offset: true });
/**
 * A lone UTF-16 surrogate cannot be encoded as UTF-8, so SQLite (and any UTF-8 transport)
 * would silently replace it: such text could never be served back byte-exact.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export function isWellFormedText(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}
/** Free text typed by people: stored and served byte-exact, never interpreted. */
export const FreeText = (max: number) =>
  z.string().max(max).refine(isWellFormedText, 'must be well-formed Unicode (no lone surrogates)');
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2');
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'ISO 639-1');
