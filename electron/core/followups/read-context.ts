// What every follow-up dialog needs besides the follow-ups themselves: who is signed in, the
// staff directory, the managed root causes, tags in use and the team's SLA policy.
import type { FollowupsContext } from '../../../common/ipc/channels/followups.js';
import type { Db } from '../db/sqlite.js';
import { readQueueContext } from '../queue/queue-context.js';
import { teamSlaPolicy } from '../sync/store/team-policy.js';
import { readRootCauses } from './followup-settings.js';

export function readFollowupsContext(db: Db): FollowupsContext {
  const { me, staff, tags } = readQueueContext(db);
  return { me, staff, tags, rootCauses: readRootCauses(db), slaPolicy: teamSlaPolicy(db) };
}
