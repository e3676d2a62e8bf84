import type { AppInfo } from '../../common/ipc/channels/app.js';
import { useEvent } from '../ipc/hooks.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';

export function StatusBar({ info }: { readonly info: AppInfo | null }) {
  const session = useEvent('session:status');
  return (
    <footer className="status-bar" aria-label="Status">
      <SyncIndicator />
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
