// Every keyboard shortcut of Loopdesk in one table: what the "?" cheat sheet lists and what
// the key handler matches. Follow-up keys open their dialog (renderer/followups) on the
// response open or highlighted; assignment takes the x-selection when there is one.
export type CommandId =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'pageDown'
  | 'pageUp'
  | 'open'
  | 'back'
  | 'search'
  | 'select'
  | 'help'
  | 'assign'
  | 'status'
  | 'contact'
  | 'done'
  | 'tag'
  | 'note'
  | 'goQueue'
  | 'goFollowups'
  | 'goTeam'
  | 'goSettings';

export type KeyGroup = 'Move' | 'Triage' | 'Follow-up' | 'Go to';

export interface KeyBinding {
  readonly id: CommandId;
  /** KeyboardEvent.key values; "g q" is the sequence g, then q. */
  readonly keys: readonly string[];
  readonly label: string;
  readonly group: KeyGroup;
  /**
   * 'list' keys act on the queue's rows: they are left to a focused button or link (Enter
   * presses it, arrows move within it) and only act on the list, the detail pane or nothing.
   */
  readonly scope?: 'list';
}

export const KEYMAP: readonly KeyBinding[] = [
  { id: 'next', keys: ['j', 'ArrowDown'], label: 'Next response', group: 'Move', scope: 'list' },
  { id: 'previous', keys: ['k', 'ArrowUp'], label: 'Previous response', group: 'Move', scope: 'list' },
  { id: 'pageDown', keys: ['PageDown'], label: 'One screen down', group: 'Move', scope: 'list' },
  { id: 'pageUp', keys: ['PageUp'], label: 'One screen up', group: 'Move', scope: 'list' },
  { id: 'first', keys: ['Home'], label: 'First response', group: 'Move', scope: 'list' },
  { id: 'last', keys: ['End'], label: 'Last response', group: 'Move', scope: 'list' },
  { id: 'open', keys: ['Enter'], label: 'Open the response', group: 'Triage', scope: 'list' },
  { id: 'back', keys: ['Escape'], label: 'Back: close the response, clear the selection', group: 'Triage' },
  { id: 'search', keys: ['/'], label: 'Search comments', group: 'Triage' },
  { id: 'select', keys: ['x'], label: 'Select or unselect the response', group: 'Triage', scope: 'list' },
  { id: 'help', keys: ['?'], label: 'Show these shortcuts', group: 'Triage' },
  { id: 'assign', keys: ['a'], label: 'Assign (the selected responses, if any)', group: 'Follow-up' },
  { id: 'status', keys: ['s'], label: 'Change status', group: 'Follow-up' },
  { id: 'contact', keys: ['c'], label: 'Log contact', group: 'Follow-up' },
  { id: 'done', keys: ['d'], label: 'Mark done, inform the respondent', group: 'Follow-up' },
  { id: 'tag', keys: ['t'], label: 'Tags', group: 'Follow-up' },
  { id: 'note', keys: ['n'], label: 'Add a note', group: 'Follow-up' },
  { id: 'goQueue', keys: ['g q'], label: 'Queue', group: 'Go to' },
  { id: 'goFollowups', keys: ['g f'], label: 'Follow-ups', group: 'Go to' },
  { id: 'goTeam', keys: ['g t'], label: 'Team', group: 'Go to' },
  { id: 'goSettings', keys: ['g s'], label: 'Settings', group: 'Go to' },
];

export const KEY_GROUPS: readonly KeyGroup[] = ['Move', 'Triage', 'Follow-up', 'Go to'];

/** Sequence keys wait this long for their second key. */
export const SEQUENCE_TIMEOUT_MS = 1500;

export function bindingFor(id: CommandId): KeyBinding {
  const binding = KEYMAP.find((b) => b.id === id);
  if (binding === undefined) throw new Error(`No key binding for ${id}`);
  return binding;
}

/**
 * The command a key completes, given the key pressed before it (for sequences): a command,
 * 'prefix' when the key starts a sequence, or null.
 */
export function matchKey(key: string, previous: string | null): CommandId | 'prefix' | null {
  if (previous !== null) {
    const sequence = `${previous} ${key}`;
    const hit = KEYMAP.find((b) => b.keys.includes(sequence));
    if (hit !== undefined) return hit.id;
  }
  const direct = KEYMAP.find((b) => b.keys.includes(key));
  if (direct !== undefined) return direct.id;
  return KEYMAP.some((b) => b.keys.some((k) => k.startsWith(`${key} `))) ? 'prefix' : null;
}

/** How a key is written in the cheat sheet. */
export function keyLabel(key: string): string {
  const names: Readonly<Record<string, string>> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    Escape: 'Esc',
    PageDown: 'Page Down',
    PageUp: 'Page Up',
  };
  return key
    .split(' ')
    .map((k) => names[k] ?? k)
    .join(' then ');
}
