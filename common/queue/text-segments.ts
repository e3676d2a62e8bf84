// A customer's comment cut into plain pieces for display: text, search hits and links. The
// renderer turns each piece into a React node, so comments are never parsed as markup.
// Hits follow the full-text index's rules (the unicode61 tokenizer with diacritics removed,
// each search word matching as a prefix), so what is highlighted is what matched.
import { searchWords } from './query.js';

export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'hit'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string };

/** Letters and digits (with their combining marks) make tokens; anything else separates. */
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu;
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/giu;
/** Punctuation that ends a sentence rather than the link. */
const LINK_TRAILING = /[.,;:!?)\]}'"’”]+$/u;

/** Case and diacritics folded, as the index stores tokens. */
export function foldToken(token: string): string {
  return token
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The folded prefixes a search matches: its words, split into tokens as the index splits them. */
export function searchPrefixes(search: string): readonly string[] {
  return searchWords(search).flatMap((word) => [...word.matchAll(TOKEN)].map((m) => foldToken(m[0])));
}

function hitSegments(text: string, prefixes: readonly string[]): TextSegment[] {
  if (prefixes.length === 0) return text === '' ? [] : [{ kind: 'text', text }];
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const folded = foldToken(match[0]);
    if (!prefixes.some((p) => folded.startsWith(p))) continue;
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    segments.push({ kind: 'hit', text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** A scheme of http or https, then a host name: nothing a browser would run. */
const WEB_URL = /^https?:\/\/[\p{L}\p{N}.-]+(?::\d{1,5})?(?:[/?#]\S*)?$/iu;

/** http(s) only: the URL the user may choose to open (the IPC schema checks it again). */
export function linkTarget(raw: string): string | null {
  const candidate = /^www\./iu.test(raw) ? `https://${raw}` : raw;
  return WEB_URL.test(candidate) ? candidate : null;
}

export function textSegments(text: string, search = ''): TextSegment[] {
  const prefixes = searchPrefixes(search);
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = match[0].replace(LINK_TRAILING, '');
    const url = linkTarget(raw);
    if (url === null) continue;
    segments.push(...hitSegments(text.slice(last, match.index), prefixes));
    segments.push({ kind: 'link', text: raw, url });
    last = match.index + raw.length;
  }
  segments.push(...hitSegments(text.slice(last), prefixes));
  return segments;
}

/**
 * The text as a one-line excerpt should show it under a search: from a few words before the
 * first hit, so that the hit is on screen even when it comes late in a long comment.
 */
export function excerptAround(text: string, search: string, lead = 24): string {
  const prefixes = searchPrefixes(search);
  if (prefixes.length === 0) return text;
  let offset = 0;
  for (const segment of textSegments(text, search)) {
    if (segment.kind === 'hit') break;
    offset += segment.text.length;
  }
  if (offset <= lead || offset >= text.length) return text;
  const start = text.lastIndexOf(' ', offset - lead);
  return `…${text.slice(start < 0 ? offset - lead : start + 1)}`;
}
