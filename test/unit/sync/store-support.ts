// Drives sync's worker-side store directly on a test database: pages as the server would
// serve them, and the signed-in staff member.
import type { Change } from '../../../common/api/changes.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { commitStagedPages, type CommitResult } from '../../../electron/core/sync/store/commit-page.js';
import { readCursor, SYNC_KEYS, writeSyncState } from '../../../electron/core/sync/store/sync-state.js';
import { parseChangesPage } from '../../../electron/core/sync/parse-page.js';
import { stagePage } from '../../../electron/core/sync/store/stage-page.js';
import { staff } from '../db/support/records.js';

export const ME = staff('me-1', { name: 'Me Myself' });

export function signIn(db: Db): void {
  writeSyncState(db, SYNC_KEYS.me, ME);
  db.prepare("INSERT INTO staff (id, name, email, role, active) VALUES (?, ?, ?, 'agent', 1)").run(
    ME.id,
    ME.name,
    ME.email,
  );
}

let pages = 0;

/** Parses, stages and commits one page on top of the current cursor, as the engine does. */
export function applyPage(db: Db, changes: readonly unknown[], hasMore = false): CommitResult {
  pages += 1;
  const body = new TextEncoder().encode(
    JSON.stringify({ changes, next_cursor: `cursor-${pages}`, has_more: hasMore }),
  ).buffer;
  const parsed = parseChangesPage(body);
  if (parsed.kind !== 'page') throw new Error(`not a page: ${JSON.stringify(parsed)}`);
  const staged = stagePage(db, parsed);
  return commitStagedPages(db, { throughStageId: staged.stageId, cursor: readCursor(db), nowMs: Date.now() });
}

export function changes(...list: Change[]): Change[] {
  return list;
}
