// Applies a page of the change feed in one transaction: the page lands whole or not at all.
// Nested in a caller's transaction (the sync engine also stores the page's cursor), it
// becomes a savepoint of that transaction.
import type { Change, ChangeKind } from '../../../../common/api/changes.js';
import type { Db } from '../sqlite.js';
import { eraseRespondent } from './erase-respondent.js';
import { recordFollowupEvent } from './record-followup-event.js';
import { upsertDecline } from './upsert-decline.js';
import { upsertFollowup } from './upsert-followup.js';
import { upsertRespondent } from './upsert-respondent.js';
import { upsertResponse } from './upsert-response.js';
import { upsertStaff } from './upsert-staff.js';

export interface ApplySummary {
  /** Changes that altered the cache. */
  readonly applied: number;
  /** Changes already covered: an event seen before, a record of an erased respondent. */
  readonly skipped: number;
  /** When above zero, the caller runs checkpointTruncate() after the commit. */
  readonly erasures: number;
  /** The kinds that were applied, for the renderer's 'data:changed' event. */
  readonly kinds: readonly ChangeKind[];
}

export function applyChange(db: Db, change: Change): boolean {
  switch (change.kind) {
    case 'response':
      return upsertResponse(db, change.data);
    case 'decline':
      return upsertDecline(db, change.data);
    case 'respondent':
      return upsertRespondent(db, change.data);
    case 'followup':
      return upsertFollowup(db, change.data);
    case 'followup_event':
      return recordFollowupEvent(db, change.data);
    case 'staff':
      upsertStaff(db, change.data);
      return true;
    case 'erasure':
      eraseRespondent(db, change.data);
      return true;
  }
}

export function applyChanges(db: Db, changes: readonly Change[]): ApplySummary {
  return db
    .transaction(() => {
      let applied = 0;
      let erasures = 0;
      const kinds = new Set<ChangeKind>();
      for (const change of changes) {
        if (!applyChange(db, change)) continue;
        applied += 1;
        kinds.add(change.kind);
        if (change.kind === 'erasure') erasures += 1;
      }
      return { applied, skipped: changes.length - applied, erasures, kinds: [...kinds] };
    })
    .immediate();
}
