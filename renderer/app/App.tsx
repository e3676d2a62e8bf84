import { useMemo, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import type { AppInfo } from '../../common/ipc/channels/app.js';
import { FollowupDialogs } from '../followups/FollowupDialogs.js';
import { FollowupsView } from '../followups/FollowupsView.js';
import { Toasts } from '../followups/Toasts.js';
import { useInvoke } from '../ipc/hooks.js';
import { useKeyCommands } from '../keyboard/useKeyCommands.js';
import { QueueView } from '../queue/QueueView.js';
import { SavedViewsNav } from '../queue/SavedViewsNav.js';
import { SettingsView } from '../views/SettingsView.js';
import { TeamView } from '../team/TeamView.js';
import { NavigationContext, type Navigation, type QueueRequest } from './navigation.js';
import { SectionIcon } from './SectionIcon.js';
import { SECTIONS, type SectionId } from './sections.js';
import { StatusBar } from './StatusBar.js';

export function App() {
  const info = useInvoke('app:info', {});
  const [section, setSection] = useState<Key>('queue');
  const appInfo = info.state === 'ready' ? info.value : null;
  // Any view can open the Queue on given filters (the Team view's numbers do).
  const [pendingQueue, setPendingQueue] = useState<QueueRequest | null>(null);
  const navigation = useMemo<Navigation>(
    () => ({
      openQueue: (request) => {
        setPendingQueue(request);
        setSection('queue');
      },
      pendingQueue,
      queueShown: () => {
        setPendingQueue(null);
      },
    }),
    [pendingQueue],
  );
  useKeyCommands({
    goQueue: () => {
      setSection('queue');
    },
    goFollowups: () => {
      setSection('followups');
    },
    goTeam: () => {
      setSection('team');
    },
    goSettings: () => {
      setSection('settings');
    },
  });

  return (
    <NavigationContext value={navigation}>
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
            <SavedViewsNav
              onSelect={() => {
                setSection('queue');
              }}
            />
          </nav>
          <main className="content">
            {SECTIONS.map((s) => (
              // The queue stays mounted while hidden, so its scroll, selection and open response wait.
              <TabPanel key={s.id} id={s.id} className="panel" shouldForceMount={s.id === 'queue'}>
                <SectionContent section={s.id} info={appInfo} active={section === s.id} />
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
        {/* Follow-up dialogs open from any section's keys and buttons; toasts tell what happened. */}
        <FollowupDialogs />
        <Toasts />
      </div>
    </NavigationContext>
  );
}

function SectionContent({
  section,
  info,
  active,
}: {
  readonly section: SectionId;
  readonly info: AppInfo | null;
  readonly active: boolean;
}) {
  switch (section) {
    case 'queue':
      return <QueueView active={active} />;
    case 'followups':
      return <FollowupsView active={active} />;
    case 'team':
      return <TeamView active={active} />;
    case 'settings':
      return <SettingsView info={info} />;
  }
}
