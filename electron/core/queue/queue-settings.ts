// What the user arranges in the queue and keeps: their own saved views and the column
// layout. Stored in the local cache's settings table (JSON values), so they live in the
// encrypted profile with everything else and survive browser mode's changing origin.
import { z } from 'zod';
import { completeLayout, QueueLayout } from '../../../common/queue/columns.js';
import { SavedView } from '../../../common/queue/views.js';
import { runWithFullSync } from '../db/pragmas.js';
import type { Db } from '../db/sqlite.js';
import { queueStatement } from './queue-statements.js';

export const VIEWS_SETTING = 'queue.views';
export const LAYOUT_SETTING = 'queue.layout';

function readSetting<T>(db: Db, key: string, schema: z.ZodType<T>): T | null {
  const raw = queueStatement(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (raw === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    // A value this version cannot read is treated as absent rather than breaking the queue.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A user's choice cannot be pulled again from the server: committed with synchronous=FULL. */
function writeSetting(db: Db, key: string, value: unknown, now: number): void {
  runWithFullSync(db, () => {
    queueStatement(
      db,
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ).run(key, JSON.stringify(value), now);
  });
}

const UserViews = z.array(SavedView);

export function readUserViews(db: Db): SavedView[] {
  return (readSetting(db, VIEWS_SETTING, UserViews) ?? []).filter((view) => !view.builtIn);
}

export function writeUserViews(db: Db, views: readonly SavedView[], now: number): void {
  writeSetting(db, VIEWS_SETTING, views, now);
}

export function readLayout(db: Db): QueueLayout | null {
  const layout = readSetting(db, LAYOUT_SETTING, QueueLayout);
  return layout === null ? null : completeLayout(layout);
}

export function writeLayout(db: Db, layout: QueueLayout, now: number): void {
  writeSetting(db, LAYOUT_SETTING, layout, now);
}
