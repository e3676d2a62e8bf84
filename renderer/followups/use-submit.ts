// The dialogs' submission: busy while the core writes, closes with a confirmation toast when
// every action was applied, stays open with the local rules' sentence when all were refused,
// and closes with a warning when only some were (a bulk assignment, say).
import { useState } from 'react';
import type { MutationRequest } from '../../common/ipc/channels/sync.js';
import { submitFollowupActions } from './submit-actions.js';
import { showToast } from './toast-store.js';

export interface Submitter {
  readonly busy: boolean;
  readonly error: string | null;
  /** For the dialog's own checks before anything is sent. */
  readonly setError: (error: string | null) => void;
  readonly run: (actions: readonly MutationRequest[], confirmation: string) => void;
}

/** `onApplied` runs when at least one action was applied, before the dialog closes. */
export function useSubmit(onClose: () => void, onApplied?: () => void): Submitter {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (actions: readonly MutationRequest[], confirmation: string): void => {
    if (busy) return;
    setBusy(true);
    setError(null);
    void submitFollowupActions(actions).then((outcome) => {
      setBusy(false);
      if (outcome.ok) {
        showToast({ title: confirmation, body: null, tone: 'success' });
        onApplied?.();
        onClose();
      } else if (outcome.results.some((r) => r.ok)) {
        showToast({ title: confirmation, body: outcome.message, tone: 'warning' });
        onApplied?.();
        onClose();
      } else {
        setError(outcome.message);
      }
    });
  };
  return { busy, error, setError, run };
}
