// Settings → Sync: when the cache last caught up, a "Sync now" button, and the problems sync
// met — changes the server refused (with its reason) and records the feed sent that failed
// validation, kept aside (quarantined) instead of stopping sync.
import { Button } from 'react-aria-components';
import type { QuarantinedRecord, MutationRejected } from '../../common/ipc/channels/sync.js';
import { useEvent, useInvoke } from '../ipc/hooks.js';
import { loopdesk } from '../ipc/client.js';
import { countText, MUTATION_LABELS, sinceText } from './sync-text.js';
import { useNow } from './use-now.js';
import './sync.css';

const SHOWN = 100;

function RejectedList({ items, now }: { readonly items: readonly MutationRejected[]; readonly now: number }) {
  if (items.length === 0) return <p>None.</p>;
  return (
    <ul className="sync-problems-list" aria-label="Changes the server refused">
      {items.map((r) => (
        <li key={r.mutationId}>
          <span className="sync-problem-what">
            {MUTATION_LABELS[r.name]} on response {r.responseId}
          </span>
          <span className="sync-problem-when">{sinceText(r.rejectedAt, now)}</span>
          <span className="sync-problem-why">{r.reason}</span>
        </li>
      ))}
    </ul>
  );
}

function QuarantineList({
  items,
  total,
  now,
}: {
  readonly items: readonly QuarantinedRecord[];
  readonly total: number;
  readonly now: number;
}) {
  if (items.length === 0) return <p>None — every record the server sent was valid.</p>;
  return (
    <>
      <ul className="sync-problems-list" aria-label="Records that could not be read">
        {items.map((q) => (
          <li key={q.id}>
            <span className="sync-problem-what">
              {q.kind ?? 'Unknown record'} {q.recordId ?? ''}
            </span>
            <span className="sync-problem-when">{sinceText(q.quarantinedAt, now)}</span>
            <span className="sync-problem-why">{q.reason}</span>
          </li>
        ))}
      </ul>
      {total > items.length && <p>…and {countText(total - items.length, 'more record', 'more records')}.</p>}
    </>
  );
}

export function SyncSection() {
  const status = useEvent('sync:status');
  const rejection = useEvent('mutation:rejected');
  const now = useNow(15_000);
  // Re-read after every completed sync and every refusal.
  const problems = useInvoke('sync:problems', { limit: SHOWN }, `${status?.lastSyncedAt}:${rejection?.mutationId}`);
  const busy = status !== null && (status.phase === 'bootstrap' || status.phase === 'pull' || status.phase === 'push');
  return (
    <section className="card sync-section" aria-labelledby="settings-sync">
      <h2 id="settings-sync">Sync</h2>
      <div className="sync-summary">
        <span>
          {status?.lastSyncedAt == null ? 'Not synced yet.' : `Last synced ${sinceText(status.lastSyncedAt, now)}.`}{' '}
          {status !== null && status.pendingMutations > 0
            ? `${countText(status.pendingMutations, 'change', 'changes')} waiting to be sent.`
            : ''}
        </span>
        <Button
          className="button"
          isDisabled={status === null || busy}
          onPress={() => {
            void loopdesk().invoke('sync:now', {});
          }}
        >
          {busy ? 'Syncing…' : 'Sync now'}
        </Button>
      </div>
      <h3 id="sync-refused">Changes the server refused</h3>
      {problems.state === 'ready' && <RejectedList items={problems.value.rejected} now={now} />}
      <h3 id="sync-quarantine">Records that could not be read</h3>
      {problems.state === 'ready' && (
        <QuarantineList items={problems.value.quarantined} total={problems.value.quarantinedTotal} now={now} />
      )}
      {problems.state === 'loading' && <p>Loading…</p>}
      {problems.state === 'error' && <p role="alert">{problems.error.message}</p>}
    </section>
  );
}
