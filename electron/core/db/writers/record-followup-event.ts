// Events are immutable: the first time one arrives it is stored and projected into the
// contact log / notes; when a replayed page brings it again nothing happens, so the
// projections are never applied twice or rolled back to an older state.
import type { FollowupEvent } from '../../../../common/api/records.js';
import { toEpochMs } from '../codec.js';
import { prepareCached } from '../statement-cache.js';
import type { Db } from '../sqlite.js';
import { projectFollowupEvent } from './project-followup-event.js';

const INSERT =
  'INSERT INTO followup_events (id, followup_id, actor_id, at, kind, data) ' +
  'VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING';

/** Returns false when the event was already recorded. */
export function recordFollowupEvent(db: Db, event: FollowupEvent): boolean {
  const at = toEpochMs(event.at);
  const { changes } = prepareCached(db, INSERT).run(
    event.id,
    event.followup_id,
    event.actor_id,
    at,
    event.data.kind,
    JSON.stringify(event.data),
  );
  if (changes === 0) return false;
  projectFollowupEvent(db, event, at);
  return true;
}
