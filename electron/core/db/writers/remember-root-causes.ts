import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';

/** Adds root causes to the suggestion list; a tag already known keeps its first use. */
export function rememberRootCauses(db: Db, tags: readonly string[], usedAtMs: number): void {
  if (tags.length === 0) return;
  prepareCached(db, 'INSERT OR IGNORE INTO root_cause_tags (tag, first_used_at) SELECT value, ? FROM json_each(?)').run(
    usedAtMs,
    JSON.stringify(tags),
  );
}
