// The follow-up status machine (DESIGN.md "Follow-up domain"). The server validates every
// transition with these rules and the client greys out the same ones.
export const FOLLOWUP_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting',
  'done',
  'informed',
  'closed_no_action',
] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

export const OPEN_STATUSES: readonly FollowupStatus[] = ['new', 'assigned', 'in_progress', 'waiting'];

export function isOpen(status: FollowupStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

const TRANSITIONS: Readonly<Record<FollowupStatus, readonly FollowupStatus[]>> = {
  new: ['assigned', 'closed_no_action'],
  assigned: ['new', 'in_progress', 'waiting', 'done', 'closed_no_action'],
  in_progress: ['waiting', 'done', 'closed_no_action'],
  waiting: ['in_progress', 'done', 'closed_no_action'],
  // Reopening sends the loop back to work; the respondent has not been told yet.
  done: ['informed', 'in_progress'],
  informed: [],
  closed_no_action: ['in_progress'],
};

export function allowedTransitions(from: FollowupStatus): readonly FollowupStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: FollowupStatus, to: FollowupStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export const STATUS_LABELS: Readonly<Record<FollowupStatus, string>> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  waiting: 'Waiting',
  done: 'Done',
  informed: 'Informed',
  closed_no_action: 'Closed – no action',
};

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
