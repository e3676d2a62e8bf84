// Sync's operations for the database worker's registry (db/worker/operations.ts). Pages
// arrive parsed and validated (the page parser thread, ../parse-page.ts) and are written
// here, on the worker, so the main thread only moves bytes and text.
import type { MutationResult } from '../../../../common/api/mutations.js';
import type { SlaPolicyReply } from '../../../../common/api/sla-policy.js';
import { followupIdFor } from '../../../../common/api/records.js';
import { getFollowup } from '../../db/readers/get-followup.js';
import type { Db } from '../../db/sqlite.js';
import {
  beginBulkLoad,
  bulkLoadStepsLeft,
  finishBulkLoad,
  finishBulkLoadStep,
  isBulkLoading,
  setBootstrapTuning,
} from './bulk-load.js';
import { commitStagedPages, type CommitArgs } from './commit-page.js';
import { recordIdentity, type IdentityArgs } from './identity.js';
import { countPending } from './outbox-rows.js';
import {
  noteSendFailure,
  readPushBatch,
  recordPushResults,
  settleAcked,
  submitMutation,
  type SubmitArgs,
} from './outbox.js';
import { resetMirror } from './reset-mirror.js';
import { clearStagedPages, stagePage, type StageArgs } from './stage-page.js';
import { readSyncProblems } from './sync-problems.js';
import { readCursor, readSyncState, SYNC_KEYS, writeSyncState } from './sync-state.js';
import { recordTeamPolicy } from './team-policy.js';

type NoArgs = Readonly<Record<string, never>>;

export interface SyncSummary {
  readonly pendingMutations: number;
  readonly lastSyncedAt: number | null;
  /** True until a first pull (or the pull after a reset) has reached the end of the feed. */
  readonly bootstrapping: boolean;
}

function summary(db: Db): SyncSummary {
  const last = readSyncState(db, SYNC_KEYS.lastSyncedAt);
  return {
    pendingMutations: countPending(db),
    lastSyncedAt: typeof last === 'number' ? last : null,
    bootstrapping: readCursor(db) === null || isBulkLoading(db),
  };
}

export const SYNC_OPERATIONS = {
  syncSummary: (db: Db, _args: NoArgs): SyncSummary => summary(db),
  /** Where the next pull starts; a pull from nothing into an empty cache runs in bulk mode. */
  syncBeginPull: (db: Db, _args: NoArgs) => {
    clearStagedPages(db);
    const cursor = readCursor(db);
    const bulk = cursor === null ? beginBulkLoad(db) : isBulkLoading(db);
    setBootstrapTuning(db, bulk);
    return { cursor, bootstrapping: cursor === null || bulk };
  },
  /** A page parsed and validated by parse-page.ts, waiting for syncCommitPages. */
  syncStagePage: (db: Db, args: StageArgs) => stagePage(db, args),
  syncCommitPages: (db: Db, args: CommitArgs) => commitStagedPages(db, args),
  /** How many steps ending a bulk load will take (none outside bulk mode), for progress. */
  syncBulkStepsLeft: (db: Db, _args: NoArgs) => bulkLoadStepsLeft(db),
  /** One step of ending a bulk load (bulk-load.ts); the engine repeats it until none remain. */
  syncFinishBulkStep: (db: Db, _args: NoArgs) => finishBulkLoadStep(db),
  /** The feed has been read to its end. */
  syncFinishPull: (db: Db, args: { readonly nowMs: number }): SyncSummary => {
    finishBulkLoad(db);
    setBootstrapTuning(db, false);
    db.transaction(() => {
      settleAcked(db);
      writeSyncState(db, SYNC_KEYS.lastSyncedAt, args.nowMs);
    }).immediate();
    return summary(db);
  },
  /** Ends a pull that stopped early (an error, stop()): the cache shrinks back. */
  syncAbortPull: (db: Db, _args: NoArgs) => {
    setBootstrapTuning(db, false);
    return null;
  },
  syncReset: (db: Db, _args: NoArgs): SyncSummary => {
    resetMirror(db);
    return summary(db);
  },
  syncRecordIdentity: (db: Db, args: IdentityArgs) => {
    recordIdentity(db, args);
    return null;
  },
  /** GET /v1/sla-policy's answer, kept for offline use; `changed` when the policy in effect changed. */
  syncRecordSlaPolicy: (db: Db, args: { readonly reply: SlaPolicyReply }) => recordTeamPolicy(db, args.reply),
  syncSubmit: (db: Db, args: SubmitArgs) => submitMutation(db, args),
  syncPushBatch: (db: Db, args: { readonly limit: number }) => readPushBatch(db, args.limit),
  syncPushResults: (db: Db, args: { readonly results: readonly MutationResult[]; readonly nowMs: number }) =>
    recordPushResults(db, args.results, args.nowMs),
  syncNoteSendFailure: (db: Db, args: { readonly mutationIds: readonly number[]; readonly message: string }) => {
    noteSendFailure(db, args.mutationIds, args.message);
    return null;
  },
  syncProblems: (db: Db, args: { readonly limit: number }) => readSyncProblems(db, args.limit),
  /** A response's follow-up as the cache holds it now (local edits included), or null. */
  syncFollowup: (db: Db, args: { readonly responseId: string }) => getFollowup(db, followupIdFor(args.responseId)),
} satisfies Readonly<Record<string, (db: Db, args: never) => unknown>>;
