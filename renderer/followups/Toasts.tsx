// The window's toasts, bottom right above the status bar: confirmations of what the user did
// and the core's notices ('followups:notice'). In browser mode every notice shows here; in the
// desktop app those already shown as desktop notifications are not repeated.
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { loopdesk } from '../ipc/client.js';
import { dismissToast, showToast, useToasts, type Toast } from './toast-store.js';
import './followups.css';

/** Confirmations go quickly; notices about colleagues' work stay long enough to be read. */
const LIFETIME_MS: Readonly<Record<Toast['tone'], number>> = { success: 4_000, info: 15_000, warning: 20_000 };
/** The event bus replays its last event to a page that connects late: an old notice is not news. */
const FRESH_NOTICE_MS = 60_000;

function ToastItem({ toast }: { readonly toast: Toast }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => {
      dismissToast(toast.id);
    }, LIFETIME_MS[toast.tone]);
    return () => {
      clearTimeout(timer);
    };
  }, [toast, paused]);
  return (
    <li
      className={`toast toast-${toast.tone}`}
      onMouseEnter={() => {
        setPaused(true);
      }}
      onMouseLeave={() => {
        setPaused(false);
      }}
      onFocus={() => {
        setPaused(true);
      }}
      onBlur={() => {
        setPaused(false);
      }}
    >
      <div className="toast-text">
        <strong className="toast-title">{toast.title}</strong>
        {toast.body !== null && <span className="toast-body">{toast.body}</span>}
      </div>
      <Button
        className="icon-button toast-dismiss"
        aria-label="Dismiss"
        onPress={() => {
          dismissToast(toast.id);
        }}
      >
        ×
      </Button>
    </li>
  );
}

export function Toasts() {
  const toasts = useToasts();
  useEffect(
    () =>
      loopdesk().subscribe('followups:notice', (notice) => {
        if (notice.onDesktop || Date.now() - notice.at > FRESH_NOTICE_MS) return;
        showToast({
          id: notice.id,
          title: notice.title,
          body: notice.body,
          tone: notice.kind === 'conflict' || notice.kind === 'overridden' ? 'warning' : 'info',
        });
      }),
    [],
  );
  return (
    <section className="toasts" aria-label="Notifications">
      <ol className="toast-list" aria-live="polite" aria-relevant="additions">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ol>
    </section>
  );
}
