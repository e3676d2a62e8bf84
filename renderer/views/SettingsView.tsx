import type { AppInfo } from '../../common/ipc/channels/app.js';
import { ConnectionSection } from '../settings/ConnectionSection.js';
import { SyncSection } from '../sync/SyncSection.js';

export function SettingsView({ info }: { readonly info: AppInfo | null }) {
  return (
    <div className="view view-settings">
      <header className="view-header">
        <h1>Settings</h1>
      </header>
      <ConnectionSection />
      <SyncSection />
      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about">About this installation</h2>
        {info === null ? (
          <p>Loading…</p>
        ) : (
          <dl className="facts">
            <dt>Version</dt>
            <dd>{info.version}</dd>
            <dt>Running as</dt>
            <dd>{info.shell === 'electron' ? 'Desktop app' : 'Browser mode'}</dd>
            <dt>Platform</dt>
            <dd>{info.platform}</dd>
          </dl>
        )}
      </section>
    </div>
  );
}
