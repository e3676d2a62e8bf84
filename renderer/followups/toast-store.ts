// The window's toasts: notices from the core ('followups:notice': assigned to me, overdue, a
// colleague's change won over mine) and confirmations of what the user just did.
import { useSyncExternalStore } from 'react';

export type ToastTone = 'info' | 'success' | 'warning';

export interface Toast {
  readonly id: string;
  readonly title: string;
  readonly body: string | null;
  readonly tone: ToastTone;
}

/** At most this many on screen; the oldest go first. */
export const MAX_TOASTS = 4;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}

export function showToast(toast: Omit<Toast, 'id'> & { readonly id?: string }): string {
  const id = toast.id ?? `toast-${nextId++}`;
  if (toasts.some((t) => t.id === id)) return id;
  publish([...toasts, { ...toast, id }].slice(-MAX_TOASTS));
  return id;
}

export function dismissToast(id: string): void {
  publish(toasts.filter((t) => t.id !== id));
}
