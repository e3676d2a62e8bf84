import type { AppInfo } from '../../common/ipc/channels/app.js';
import type { SyncStatus } from '../../common/ipc/events.js';
import { useEvent } from '../ipc/hooks.js';

function describeSync(status: SyncStatus | null): string {
  if (status === null) return 'Not synced yet';
  switch (status.phase) {
    case 'idle':
      return status.lastSyncedAt === null
        ? 'Not synced yet'
        : `Synced ${new Date(status.lastSyncedAt).toLocaleTimeString()}`;
    case 'bootstrap':
      return `Downloading responses… ${status.done.toLocaleString()}`;
    case 'pull':
      return 'Receiving changes…';
    case 'push':
      return 'Sending your changes…';
    case 'offline':
      return 'Offline — your changes are kept and sent later';
    case 'error':
      return status.message ?? 'Sync failed';
    case 'signed_out':
      return 'Signed out — sign in again to sync';
  }
}

export function StatusBar({ info }: { readonly info: AppInfo | null }) {
  const sync = useEvent('sync:status');
  const session = useEvent('session:status');
  return (
    <footer className="status-bar" aria-label="Status">
      <span role="status" aria-live="polite" className="status-sync" data-phase={sync?.phase ?? 'idle'}>
        {describeSync(sync)}
      </span>
      {sync !== null && sync.pendingMutations > 0 && (
        <span className="status-pending">{sync.pendingMutations} change(s) waiting to be sent</span>
      )}
      <span className="status-spacer" />
      {session?.source === 'demo' && <span className="badge badge-demo">Demo data</span>}
      {session?.me != null && <span className="status-me">{session.me.name}</span>}
      {info !== null && (
        <span className="status-version">
          Loopdesk {info.version} · {info.shell === 'electron' ? 'desktop' : 'browser mode'}
        </span>
      )}
    </footer>
  );
}
