// Search as the user types: every word must match, each as a prefix, diacritics ignored
// (the tokenizer folds them on both sides). The user's text never reaches FTS5's query
// syntax: each word is quoted, so "AND", "-" or a stray quote are just characters.
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

export function toFtsPrefixQuery(text: string): string | null {
  const words = text.split(/\s+/u).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');
}

/** Response ids whose comment matches, newest first. */
export function searchResponseIds(db: Db, text: string, limit = 100): string[] {
  const query = toFtsPrefixQuery(text);
  if (query === null) return [];
  return prepareCached(
    db,
    'SELECT r.id FROM responses_fts f JOIN responses r ON r.rid = f.rowid ' +
      'WHERE responses_fts MATCH ? ORDER BY r.created_at DESC LIMIT ?',
    'pluck',
  ).all(query, limit) as string[];
}
