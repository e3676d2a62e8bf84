// The typed registry of what the database worker can do: name → function(db, args). The
// DatabaseClient's call() is typed from it, so a caller on the main thread gets the
// operation's own argument and result types. Arguments and results cross a thread boundary
// (structured clone): plain data only. New areas add their operations here.
import type { Change } from '../../../../common/api/changes.js';
import { checkpointTruncate, runWithFullSync } from '../pragmas.js';
import { countRows } from '../readers/count-rows.js';
import { getResponse } from '../readers/get-response.js';
import { searchResponseIds } from '../readers/search-responses.js';
import type { Db } from '../sqlite.js';
import { applyChanges, type ApplySummary } from '../writers/apply-changes.js';
import { clearServerData } from '../../session/clear-server-data.js';
import { putSetting } from '../writers/put-setting.js';
import { getSetting } from '../readers/get-setting.js';
import { QUEUE_OPERATIONS } from '../../queue/operations.js';
import { SYNC_OPERATIONS } from '../../sync/store/operations.js';
import { FOLLOWUP_OPERATIONS } from '../../followups/operations.js';
import { TEAM_OPERATIONS } from '../../team/operations.js';
import { EXPORT_OPERATIONS } from '../../export/operations.js';

export type NoArgs = Readonly<Record<string, never>>;

export const DB_OPERATIONS = {
  /** One page of the change feed, in one transaction; erasures are checkpointed away. */
  applyChanges: (db: Db, args: { readonly changes: readonly Change[] }): ApplySummary => {
    const summary = applyChanges(db, args.changes);
    if (summary.erasures > 0) checkpointTruncate(db);
    return summary;
  },
  getResponse: (db: Db, args: { readonly id: string }) => getResponse(db, args.id),
  countRows: (db: Db, _args: NoArgs) => countRows(db),
  searchResponseIds: (db: Db, args: { readonly text: string; readonly limit?: number }) =>
    searchResponseIds(db, args.text, args.limit),
  checkpoint: (db: Db, _args: NoArgs) => checkpointTruncate(db),
  getSetting: (db: Db, args: { readonly key: string }) => getSetting(db, args.key),
  putSetting: (db: Db, args: { readonly key: string; readonly value: unknown }) => {
    runWithFullSync(db, () => {
      putSetting(db, args.key, args.value, Date.now());
    });
  },
  clearServerData: (db: Db, _args: NoArgs) => {
    clearServerData(db);
  },
  ...QUEUE_OPERATIONS,
  ...SYNC_OPERATIONS,
  ...FOLLOWUP_OPERATIONS,
  ...TEAM_OPERATIONS,
  ...EXPORT_OPERATIONS,
} satisfies Readonly<Record<string, (db: Db, args: never) => unknown>>;

export type OperationName = keyof typeof DB_OPERATIONS;
export type OperationArgs<K extends OperationName> = Parameters<(typeof DB_OPERATIONS)[K]>[1];
export type OperationResult<K extends OperationName> = ReturnType<(typeof DB_OPERATIONS)[K]>;

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(DB_OPERATIONS, name);
}
