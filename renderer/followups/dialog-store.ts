// Which follow-up dialog is open, and on which follow-ups. One store for the whole window: the
// keymap (queue, Follow-ups section) and the detail pane's buttons open dialogs through it, and
// one host (FollowupDialogs, mounted by the app) shows them.
import { useSyncExternalStore } from 'react';
import type { CommandId } from '../keyboard/keymap.js';

export type FollowupCommand = Extract<CommandId, 'assign' | 'status' | 'contact' | 'done' | 'tag' | 'note'>;

export const FOLLOWUP_COMMANDS: readonly FollowupCommand[] = ['assign', 'status', 'contact', 'done', 'tag', 'note'];

export type OpenDialog =
  | {
      readonly command: FollowupCommand;
      readonly responseIds: readonly string[];
      /** Called once the action was applied (the queue clears its selection after a bulk one). */
      readonly onApplied?: () => void;
    }
  | { readonly command: 'editNote'; readonly responseIds: readonly [string]; readonly noteId: string };

let open: OpenDialog | null = null;
const listeners = new Set<() => void>();

function publish(next: OpenDialog | null): void {
  open = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The dialog open now, or null. */
export function openDialog(): OpenDialog | null {
  return open;
}

export function useOpenDialog(): OpenDialog | null {
  return useSyncExternalStore(subscribe, openDialog);
}

export function openFollowupDialog(dialog: OpenDialog): void {
  publish(dialog);
}

export function closeFollowupDialog(): void {
  publish(null);
}

/** What a view has under the cursor: the x-selection and the response open or active. */
export interface CommandTargets {
  readonly selected: readonly string[];
  readonly current: string | null;
}

/**
 * Runs a follow-up key. Assignment acts on the selection when there is one (bulk); the other
 * actions act on the one response open or active. False when there is nothing to act on.
 */
export function runFollowupCommand(command: FollowupCommand, targets: CommandTargets, onApplied?: () => void): boolean {
  const responseIds =
    command === 'assign' && targets.selected.length > 0
      ? targets.selected
      : targets.current === null
        ? []
        : [targets.current];
  if (responseIds.length === 0) return false;
  publish(onApplied === undefined ? { command, responseIds } : { command, responseIds, onApplied });
  return true;
}
