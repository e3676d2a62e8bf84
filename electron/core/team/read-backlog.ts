// The backlog by assignee (common/team/backlog.ts), counted over the responses table's copies
// of the follow-up fields (followup-counts.ts). The condition is the queue's own filter SQL
// for open follow-ups, and the overdue and due-today measures are the queue's overdue and
// due conditions: the counts are the queue's, by construction.
import {
  BACKLOG_STATUSES,
  EMPTY_BACKLOG_COUNTS,
  type BacklogCounts,
  type BacklogRow,
  type BacklogStatus,
  type TeamBacklog,
} from '../../../common/team/backlog.js';
import { dayOf } from '../../../common/team/period.js';
import { filtersWith } from '../../../common/queue/query.js';
import type { Db } from '../db/sqlite.js';
import { readStaff } from '../queue/queue-context.js';
import { DRIVE_ALL, dueSql, filterWhere, overdueSql } from '../queue/sql/filters.js';
import type { SqlFragment } from '../queue/sql/sql-fragment.js';
import { assigneesInData, countPairs, type PairCount } from './followup-counts.js';
import { readTeamScope } from './team-scope.js';

function addPair(counts: BacklogCounts, pair: PairCount): BacklogCounts {
  const [n = 0, overdue = 0, dueToday = 0] = pair.values as readonly number[];
  const status = pair.status as BacklogStatus;
  return {
    ...counts,
    [status]: counts[status] + n,
    open: counts.open + n,
    overdue: counts.overdue + overdue,
    dueToday: counts.dueToday + dueToday,
  };
}

export function readBacklog(db: Db, now: number): TeamBacklog {
  const scope = readTeamScope(db);
  const me = scope.me?.id ?? null;
  const today = dayOf(now);
  const open = filterWhere(filtersWith({ status: [...BACKLOG_STATUSES] }), { me, now, probe: DRIVE_ALL });
  // Everyone's for a manager; an agent's own and the unassigned ones (anyone may take those).
  const assignees = scope.sees === 'team' ? assigneesInData(db) : scope.sees === 'self' ? [me, null] : [];
  const sumOf = (condition: SqlFragment): SqlFragment => ({
    sql: `coalesce(sum(${condition.sql}), 0)`,
    params: condition.params,
  });
  const pairs = countPairs(db, assignees, BACKLOG_STATUSES, open, [sumOf(overdueSql(now)), sumOf(dueSql(today))]);

  const byAssignee = new Map<string | null, BacklogCounts>();
  for (const pair of pairs) {
    byAssignee.set(pair.assignee, addPair(byAssignee.get(pair.assignee) ?? EMPTY_BACKLOG_COUNTS, pair));
  }
  const rows: BacklogRow[] = [];
  for (const member of readStaff(db)) {
    const counts = byAssignee.get(member.id);
    const inScope = scope.sees === 'team' || member.id === me;
    // Everyone active is listed (a zero is news too); former colleagues only while they hold work.
    if (inScope && (member.active || counts !== undefined)) {
      rows.push({
        assigneeId: member.id,
        name: member.name,
        active: member.active,
        counts: counts ?? EMPTY_BACKLOG_COUNTS,
      });
    }
    byAssignee.delete(member.id);
  }
  const unassigned = byAssignee.get(null) ?? EMPTY_BACKLOG_COUNTS;
  byAssignee.delete(null);
  // Assignees the directory does not know (yet): shown by id rather than dropped.
  for (const [id, counts] of byAssignee) {
    if (id !== null) rows.push({ assigneeId: id, name: null, active: false, counts });
  }
  return {
    scope,
    asOf: now,
    today,
    rows,
    unassigned: { assigneeId: null, name: null, active: true, counts: unassigned },
  };
}
