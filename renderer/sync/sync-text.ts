// Words for sync's states, shared by the status bar and Settings → Sync.
import type { MutationName } from '../../common/api/mutations.js';

export const MUTATION_LABELS: Readonly<Record<MutationName, string>> = {
  assign: 'Assign',
  unassign: 'Unassign',
  set_due: 'Change the due date',
  set_priority: 'Change the priority',
  set_status: 'Change the status',
  log_contact: 'Log a contact',
  add_note: 'Add a note',
  edit_note: 'Edit a note',
  set_tags: 'Change the tags',
  mark_done: 'Mark done',
  mark_informed: 'Mark informed',
};

/** "just now", "5 min ago", "at 14:03", "on 2 Jun, 14:03": short enough for a status bar. */
export function sinceText(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const date = new Date(at);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return new Date(now).toDateString() === date.toDateString()
    ? `at ${time}`
    : `on ${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** "in 23 s", "in 2 min": when the next attempt is due. */
export function untilText(at: number, now: number): string {
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  return seconds < 60 ? `in ${seconds} s` : `in ${Math.ceil(seconds / 60)} min`;
}

export function countText(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** Ends the server's or the engine's message with exactly one full stop. */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
