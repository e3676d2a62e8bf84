// The Follow-ups section's groups: first contacts that are late or due today, loops done but
// not yet told to the respondent, first contacts due later, follow-ups already contacted (the
// clock has stopped, work goes on), and those without a first-contact target; each group
// keeps the reader's order (soonest due first).
import type { FollowupListRow } from '../../common/ipc/channels/followups.js';

export type GroupId = 'overdue' | 'today' | 'inform' | 'later' | 'contacted' | 'undated';

export const GROUP_TITLES: Readonly<Record<GroupId, string>> = {
  overdue: 'First contact overdue',
  today: 'First contact due today',
  inform: 'Done: tell the respondent',
  later: 'First contact due later',
  contacted: 'Contacted, in progress',
  undated: 'No first-contact target',
};

export interface RowGroup {
  readonly id: GroupId;
  readonly rows: readonly FollowupListRow[];
}

function endOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

export function groupOf(row: FollowupListRow, now: number): GroupId {
  if (row.status === 'done') return 'inform';
  // The due time is the first contact's: once contacted, the clock has stopped.
  if (row.firstContactAt !== null) return 'contacted';
  if (row.dueAt === null) return 'undated';
  if (row.dueAt <= now) return 'overdue';
  return row.dueAt < endOfDay(now) ? 'today' : 'later';
}

/** Non-empty groups, in the order above. */
export function groupRows(rows: readonly FollowupListRow[], now: number): RowGroup[] {
  const order: readonly GroupId[] = ['overdue', 'today', 'inform', 'later', 'contacted', 'undated'];
  return order
    .map((id) => ({ id, rows: rows.filter((row) => groupOf(row, now) === id) }))
    .filter((group) => group.rows.length > 0);
}
