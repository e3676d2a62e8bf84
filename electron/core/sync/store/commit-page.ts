// The second half of applying pages: their changes, their quarantined records and the cursor
// in one transaction, so a crash leaves either the whole batch and its cursor or neither (a
// replayed page is harmless: upserts by primary key, immutable events, erasure guards).
// Follow-ups with unconfirmed local edits are not overwritten: the pulled version becomes
// their base and the edits are re-applied on top (rebase.ts).
import type { Change, ChangeKind } from '../../../../common/api/changes.js';
import { followupIdFor } from '../../../../common/api/records.js';
import { checkpointTruncate } from '../../db/pragmas.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';
import { isCoveredByErasure } from '../../db/writers/erasure-guard.js';
import { applyChange } from '../../db/writers/apply-changes.js';
import { quarantineRecord } from '../../db/writers/quarantine-record.js';
import { toEpochMs } from '../../db/codec.js';
import { restoreErasureIndexes } from './bulk-load.js';
import { listBases, writeBase, type FollowupBase } from './followup-base.js';
import { countPending } from './outbox-rows.js';
import { purgeSyncDataOf } from './purge-erased.js';
import { rebuildFollowup, settleBase } from './rebase.js';
import { isInvalidChange, type InvalidChange } from '../parse-page.js';
import { stagedChanges, takeStagedPages } from './stage-page.js';
import { readCursor, SYNC_KEYS, writeSyncState } from './sync-state.js';

export interface CommitArgs {
  /** Every staged page up to this one is committed, in one transaction. */
  readonly throughStageId: number;
  /** The cursor the first of them was requested with: they apply only on top of it. */
  readonly cursor: string | null;
  readonly nowMs: number;
}

export type CommitResult =
  | {
      readonly ok: true;
      readonly applied: number;
      readonly quarantined: number;
      readonly erasures: number;
      /** For 'data:changed': what the page altered, local rebuilds included. */
      readonly kinds: readonly string[];
      readonly pendingMutations: number;
    }
  /** The page no longer fits (another page or a reset moved the cursor): fetch again. */
  | { readonly ok: false; readonly reason: 'cursor_moved' | 'not_staged' };

/** The follow-ups a change may affect, among those with a base (local edits). */
function rebasedFollowups(change: Change, bases: ReadonlyMap<string, FollowupBase>, into: Set<string>): void {
  switch (change.kind) {
    case 'followup':
    case 'followup_event': {
      const id = change.kind === 'followup' ? change.data.id : change.data.followup_id;
      if (bases.has(id)) into.add(id);
      return;
    }
    case 'response': {
      const id = followupIdFor(change.data.id);
      if (bases.has(id)) into.add(id);
      return;
    }
    case 'respondent':
      // Restriction and objection change what the reducer allows (the contactability gate).
      for (const [id, base] of bases) if (base.end_user_id === change.data.id) into.add(id);
      return;
    case 'decline':
    case 'staff':
    case 'erasure':
      return;
  }
}

function quarantine(db: Db, change: InvalidChange, nowMs: number): void {
  quarantineRecord(db, { payload: change.payload, reason: change.reason, atMs: nowMs });
}

function recordIdOf(change: Change): string {
  return change.kind === 'erasure' ? change.data.end_user_id : change.data.id;
}

export function commitStagedPages(db: Db, args: CommitArgs): CommitResult {
  const pages = takeStagedPages(db, args.throughStageId);
  const last = pages?.at(-1);
  if (pages === null || last === undefined) return { ok: false, reason: 'not_staged' };
  const result = db
    .transaction((): CommitResult => {
      if (readCursor(db) !== args.cursor) return { ok: false, reason: 'cursor_moved' };
      let bases = listBases(db);
      const hasQuarantine = prepareCached(db, 'SELECT 1 FROM quarantine LIMIT 1').get() !== undefined;
      const kinds = new Set<ChangeKind | 'quarantine'>();
      const rebased = new Set<string>();
      const confirmed = new Set<string>();
      let applied = 0;
      let quarantined = 0;
      let erasures = 0;
      for (const change of stagedChanges(pages)) {
        if (isInvalidChange(change)) {
          quarantine(db, change, args.nowMs);
          quarantined += 1;
          kinds.add('quarantine');
          continue;
        }
        // A record that arrives valid again is no longer a problem.
        if (hasQuarantine) {
          prepareCached(db, 'DELETE FROM quarantine WHERE kind = ? AND record_id = ?').run(
            change.kind,
            recordIdOf(change),
          );
        }
        if (change.kind === 'erasure') {
          restoreErasureIndexes(db);
          purgeSyncDataOf(db, change.data.end_user_id);
          bases = listBases(db);
          erasures += 1;
        }
        rebasedFollowups(change, bases, rebased);
        const base = change.kind === 'followup' ? bases.get(change.data.id) : undefined;
        if (change.kind === 'followup' && base !== undefined) {
          const followup = change.data;
          if (isCoveredByErasure(db, followup.end_user_id, toEpochMs(followup.created_at))) continue;
          // Pulled after the push that acknowledged them, this version includes every
          // acknowledged mutation: only the pending ones are re-applied.
          writeBase(db, followup.id, { ...base, server: followup });
          confirmed.add(followup.id);
        } else if (!applyChange(db, change)) {
          continue;
        }
        applied += 1;
        kinds.add(change.kind);
      }
      for (const followupId of rebased) {
        const base = bases.get(followupId);
        if (base === undefined) continue;
        if (confirmed.has(followupId)) {
          prepareCached(db, "DELETE FROM outbox WHERE response_id = ? AND state = 'acked'").run(base.response_id);
        }
        rebuildFollowup(db, followupId);
        settleBase(db, followupId, base.response_id);
        kinds.add('followup');
      }
      writeSyncState(db, SYNC_KEYS.cursor, last.nextCursor);
      return { ok: true, applied, quarantined, erasures, kinds: [...kinds], pendingMutations: countPending(db) };
    })
    .immediate();
  // The erased rows' old pages may still sit in the WAL: copy it back and truncate it.
  if (result.ok && result.erasures > 0) checkpointTruncate(db);
  return result;
}
