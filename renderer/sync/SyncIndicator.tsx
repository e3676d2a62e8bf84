// The status bar's sync part: a progress bar while the first download runs, when the cache
// last caught up, the offline state and errors with a Retry button, changes waiting to be
// sent, and the server's refusal of a change (its sentence, as the server wrote it).
import { useState } from 'react';
import { Button, ProgressBar } from 'react-aria-components';
import type { SyncStatus } from '../../common/ipc/events.js';
import { useEvent } from '../ipc/hooks.js';
import { loopdesk } from '../ipc/client.js';
import { countText, MUTATION_LABELS, sentence, sinceText, untilText } from './sync-text.js';
import { useNow } from './use-now.js';
import './sync.css';

/** A refusal older than this is history (Settings → Sync lists it), not news. */
const FRESH_REJECTION_MS = 5 * 60_000;

function retry(): void {
  void loopdesk().invoke('sync:now', {});
}

function BootstrapProgress({ status }: { readonly status: SyncStatus }) {
  const indexing = status.indexing ?? null;
  if (indexing !== null) {
    // After the last page: the search and sort indexes, built once the rows are all in.
    return (
      <Progress
        ariaLabel="Indexing the downloaded records"
        value={indexing.done}
        maxValue={indexing.total}
        label={`Building search and sort indexes… ${indexing.done} of ${indexing.total}`}
      />
    );
  }
  const total = status.estimatedTotal;
  const label =
    total === null || total === 0
      ? `Downloading… ${countText(status.done, 'record', 'records')}`
      : `Downloading… ${status.done.toLocaleString()} of about ${total.toLocaleString()} records`;
  return (
    <Progress
      ariaLabel="First download of the cache"
      value={status.done}
      maxValue={total === null ? null : Math.max(total, status.done, 1)}
      label={label}
    />
  );
}

/** A bar and its words; indeterminate while the total is unknown (maxValue null). */
function Progress(props: {
  readonly ariaLabel: string;
  readonly value: number;
  readonly maxValue: number | null;
  readonly label: string;
}) {
  return (
    <ProgressBar
      className="sync-progress"
      aria-label={props.ariaLabel}
      value={props.value}
      minValue={0}
      maxValue={Math.max(props.maxValue ?? 0, props.value, 1)}
      isIndeterminate={props.maxValue === null}
      valueLabel={props.label}
    >
      {({ percentage, valueText }) => (
        <>
          <span className="sync-progress-track">
            <span className="sync-progress-fill" style={{ width: `${percentage ?? 0}%` }} />
          </span>
          <span>{valueText}</span>
        </>
      )}
    </ProgressBar>
  );
}

function Describe({ status, now }: { readonly status: SyncStatus; readonly now: number }) {
  const synced = status.lastSyncedAt === null ? null : `Synced ${sinceText(status.lastSyncedAt, now)}`;
  const nextTry = status.nextRetryAt == null ? '' : ` Retrying ${untilText(status.nextRetryAt, now)}.`;
  switch (status.phase) {
    case 'bootstrap':
      return (
        <>
          <BootstrapProgress status={status} />
          {status.message !== null && <span>{status.message}</span>}
        </>
      );
    case 'idle':
      return <span>{synced ?? 'Not synced yet'}</span>;
    case 'pull':
      return <span className="sync-busy">{synced === null ? 'Syncing…' : `${synced} · receiving changes…`}</span>;
    case 'push':
      return <span className="sync-busy">Sending your changes…</span>;
    case 'offline':
      return (
        <>
          <span className="sync-problem">
            Offline — your changes are kept and sent when the server is back.{nextTry}
          </span>
          <Button className="button button-small" onPress={retry}>
            Retry now
          </Button>
        </>
      );
    case 'error':
      return (
        <>
          <span className="sync-problem">
            Sync failed: {sentence(status.message ?? 'unknown error')}
            {nextTry}
          </span>
          <Button className="button button-small" onPress={retry}>
            Retry now
          </Button>
        </>
      );
    case 'signed_out':
      return (
        <span className="sync-problem">
          Signed out — sign in again under Settings → Data source. Your changes are kept.
        </span>
      );
  }
}

function Rejection({ now }: { readonly now: number }) {
  const rejection = useEvent('mutation:rejected');
  const [dismissed, setDismissed] = useState<number | null>(null);
  if (rejection === null || rejection.mutationId === dismissed || now - rejection.rejectedAt > FRESH_REJECTION_MS) {
    return null;
  }
  return (
    <span className="sync-rejection" role="alert">
      <span>
        “{MUTATION_LABELS[rejection.name]}” was refused by the server and undone: {rejection.reason}
      </span>
      <Button
        className="button button-small button-quiet"
        aria-label="Dismiss"
        onPress={() => {
          setDismissed(rejection.mutationId);
        }}
      >
        ×
      </Button>
    </span>
  );
}

export function SyncIndicator() {
  const status = useEvent('sync:status');
  const now = useNow(5_000);
  return (
    <>
      <span role="status" aria-live="polite" className="status-sync" data-phase={status?.phase ?? 'none'}>
        {status === null ? <span>Not connected</span> : <Describe status={status} now={now} />}
      </span>
      {status !== null && status.pendingMutations > 0 && (
        <span className="status-pending">
          {countText(status.pendingMutations, 'change', 'changes')} waiting to be sent
        </span>
      )}
      <Rejection now={now} />
    </>
  );
}
