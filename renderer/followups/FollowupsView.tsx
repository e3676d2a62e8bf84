// The Follow-ups section: my open follow-ups by when first contact is due (and what I closed
// lately), everyone's, and the team's SLA policy and root causes.
import { useState } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { FollowupList } from './FollowupList.js';
import { RootCauseEditor } from './RootCauseEditor.js';
import { SlaPolicyEditor } from './SlaPolicyEditor.js';
import './followups.css';

export function FollowupsView({ active }: { readonly active: boolean }) {
  const [tab, setTab] = useState<Key>('mine');
  return (
    <div className="followups-view">
      <header className="followups-header">
        <h1>Follow-ups</h1>
      </header>
      <Tabs className="followups-tabs" selectedKey={tab} onSelectionChange={setTab}>
        <TabList aria-label="Follow-ups" className="followups-tab-list">
          <Tab id="mine" className="followups-tab">
            Mine
          </Tab>
          <Tab id="team" className="followups-tab">
            Everyone’s
          </Tab>
          <Tab id="settings" className="followups-tab">
            SLA and root causes
          </Tab>
        </TabList>
        <TabPanel id="mine" className="followups-panel">
          <FollowupList scope="mine" active={active && tab === 'mine'} />
        </TabPanel>
        <TabPanel id="team" className="followups-panel">
          <FollowupList scope="team" active={active && tab === 'team'} />
        </TabPanel>
        <TabPanel id="settings" className="followups-panel followups-settings">
          <SlaPolicyEditor />
          <RootCauseEditor />
        </TabPanel>
      </Tabs>
    </div>
  );
}
