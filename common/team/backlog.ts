// The backlog by assignee (issue "Backlog by assignee"): open follow-ups per status, overdue
// and due today, for each staff member, plus those nobody is assigned to. Each count is
// defined as a queue filter, so that a click on it opens the queue with exactly those rows:
// the core counts the same conditions in one grouped query, and a test holds every cell to
// the queue's own count of its filter.
import { z } from 'zod';
import { Id } from '../api/primitives.js';
import { OPEN_STATUSES, type FollowupStatus } from '../domain/followup-status.js';
import { filtersWith, type QueueFilters } from '../queue/query.js';
import { Period } from './period.js';
import { TeamScope } from './scope.js';

/** The statuses of an open follow-up, in lifecycle order: the backlog's status columns. */
export const BACKLOG_STATUSES = OPEN_STATUSES as readonly ('new' | 'assigned' | 'in_progress' | 'waiting')[];
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

export const BACKLOG_CELLS = [...BACKLOG_STATUSES, 'open', 'overdue', 'dueToday'] as const;
export type BacklogCell = (typeof BACKLOG_CELLS)[number];

const Count = z.number().int().min(0);

export const BacklogCounts = z.strictObject({
  new: Count,
  assigned: Count,
  in_progress: Count,
  waiting: Count,
  /** All open follow-ups: the four statuses together. */
  open: Count,
  /** Open, and the due time has passed. */
  overdue: Count,
  /** Open, and due during today (some of them may already be overdue). */
  dueToday: Count,
});
export type BacklogCounts = z.infer<typeof BacklogCounts>;

export const EMPTY_BACKLOG_COUNTS: BacklogCounts = {
  new: 0,
  assigned: 0,
  in_progress: 0,
  waiting: 0,
  open: 0,
  overdue: 0,
  dueToday: 0,
};

export const BacklogRow = z.strictObject({
  /** null: the unassigned row. */
  assigneeId: Id.nullable(),
  name: z.string().nullable(),
  /** Former colleagues keep their row while they still hold open follow-ups. */
  active: z.boolean(),
  counts: BacklogCounts,
});
export type BacklogRow = z.infer<typeof BacklogRow>;

export const TeamBacklog = z.strictObject({
  scope: TeamScope,
  /** Epoch ms the counts were taken at: what "overdue" was measured against. */
  asOf: z.number().int(),
  /** The local day that "due today" means. */
  today: Period,
  /** One row per staff member in scope (every active member for a manager, even at zero). */
  rows: z.array(BacklogRow),
  /** Open follow-ups with a due time and nobody assigned; shown to everyone, since anyone may take one. */
  unassigned: BacklogRow,
});
export type TeamBacklog = z.infer<typeof TeamBacklog>;

export const BACKLOG_CELL_LABELS: Readonly<Record<BacklogCell, string>> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  waiting: 'Waiting',
  open: 'Open',
  overdue: 'Overdue',
  dueToday: 'Due today',
};

export const BACKLOG_DEFINITIONS: Readonly<Record<BacklogCell | 'unassigned', string>> = {
  new: 'Open follow-ups not yet taken on.',
  assigned: 'Assigned, no contact logged yet.',
  in_progress: 'Someone is working on it (contact logged).',
  waiting: 'Waiting for the respondent or someone else.',
  open: 'All open follow-ups: new, assigned, in progress and waiting.',
  overdue: 'Open follow-ups whose due time (first contact by the SLA) has passed.',
  dueToday: 'Open follow-ups due today, including any already overdue today.',
  unassigned: 'Open follow-ups with a due time and nobody assigned.',
};

function isStatus(cell: BacklogCell): cell is BacklogStatus {
  return (BACKLOG_STATUSES as readonly string[]).includes(cell);
}

/**
 * The queue filter of one backlog cell. `assignee` null is the unassigned row, which counts
 * only follow-ups with a due time: responses that never needed a follow-up are "new" and
 * unassigned in the queue too, and the due time is what tells a follow-up apart from them.
 */
export function backlogCellFilters(assignee: string | null, cell: BacklogCell, today: Period): QueueFilters {
  const who: Partial<QueueFilters> =
    assignee === null ? { assignee: ['unassigned'], due: { from: null, to: null } } : { assignee: [assignee] };
  const open: FollowupStatus[] = [...BACKLOG_STATUSES];
  if (isStatus(cell)) return filtersWith({ ...who, status: [cell] });
  switch (cell) {
    case 'open':
      return filtersWith({ ...who, status: open });
    case 'overdue':
      // The queue's overdue filter already means "open and past due".
      return filtersWith({ ...who, overdue: true });
    case 'dueToday':
      return filtersWith({ ...who, status: open, due: { from: today.from, to: today.to } });
  }
}
