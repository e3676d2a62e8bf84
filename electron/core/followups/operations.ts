// The follow-up workflow's operations for the database worker's registry
// (db/worker/operations.ts). Arguments and results are plain data; `nowMs` comes from the
// caller so a request is decided on one clock.
import type { FollowupListScope } from '../../../common/ipc/channels/followups.js';
import type { Db } from '../db/sqlite.js';
import { editRootCauses, readTeamSlaPolicy } from './followup-settings.js';
import { checkNotices, type NoticeCheck } from './notices/notice-rules.js';
import { readFollowupsContext } from './read-context.js';
import { readFollowupList } from './read-list.js';
import { readRecord } from './read-record.js';
import { readTargets } from './read-targets.js';

type NoArgs = Readonly<Record<string, never>>;

export const FOLLOWUP_OPERATIONS = {
  followupsContext: (db: Db, _args: NoArgs) => readFollowupsContext(db),
  followupsTargets: (db: Db, args: { readonly responseIds: readonly string[] }) => readTargets(db, args.responseIds),
  followupsRecord: (db: Db, args: { readonly responseId: string }) => readRecord(db, args.responseId),
  followupsList: (db: Db, args: { readonly scope: FollowupListScope; readonly nowMs: number }) =>
    readFollowupList(db, args.scope, args.nowMs),
  followupsSlaPolicy: (db: Db, _args: NoArgs) => readTeamSlaPolicy(db),
  followupsEditRootCauses: (
    db: Db,
    args: { readonly add: readonly string[]; readonly remove: readonly string[]; readonly nowMs: number },
  ) => editRootCauses(db, args, args.nowMs),
  followupsCheckNotices: (db: Db, args: NoticeCheck) => checkNotices(db, args),
} satisfies Readonly<Record<string, (db: Db, args: never) => unknown>>;
