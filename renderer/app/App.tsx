import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import type { AppInfo } from '../../common/ipc/channels/app.js';
import { useInvoke } from '../ipc/hooks.js';
import { EmptyState } from '../views/EmptyState.js';
import { SettingsView } from '../views/SettingsView.js';
import { SectionIcon } from './SectionIcon.js';
import { SECTIONS, type SectionId } from './sections.js';
import { StatusBar } from './StatusBar.js';

export function App() {
  const info = useInvoke('app:info', {});
  const [section, setSection] = useState<Key>('queue');
  const appInfo = info.state === 'ready' ? info.value : null;

  return (
    <div className="app">
      <Tabs className="app-body" orientation="vertical" selectedKey={section} onSelectionChange={setSection}>
        <nav className="sidebar" aria-label="Loopdesk">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">Loopdesk</span>
          </div>
          <TabList aria-label="Sections" className="nav-list">
            {SECTIONS.map((s) => (
              <Tab key={s.id} id={s.id} className="nav-item">
                <SectionIcon section={s.id} />
                <span>{s.label}</span>
              </Tab>
            ))}
          </TabList>
        </nav>
        <main className="content">
          {SECTIONS.map((s) => (
            <TabPanel key={s.id} id={s.id} className="panel">
              <SectionContent section={s.id} info={appInfo} />
            </TabPanel>
          ))}
        </main>
      </Tabs>
      {info.state === 'error' && (
        <div role="alert" className="banner banner-error">
          {info.error.message}
        </div>
      )}
      <StatusBar info={appInfo} />
    </div>
  );
}

function SectionContent({ section, info }: { readonly section: SectionId; readonly info: AppInfo | null }) {
  switch (section) {
    case 'queue':
      return (
        <EmptyState title="Queue">
          No responses in the local cache yet. They appear here once Loopdesk has synced.
        </EmptyState>
      );
    case 'followups':
      return <EmptyState title="Follow-ups">Follow-ups assigned to you will be listed here.</EmptyState>;
    case 'team':
      return <EmptyState title="Team">Backlog, closed-loop KPIs and score trends for your team.</EmptyState>;
    case 'settings':
      return <SettingsView info={info} />;
  }
}
