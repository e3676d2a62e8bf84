// A list of follow-ups for the Follow-ups section — mine or the team's — grouped by when
// first contact is due, with the detail pane of the one opened beside it. Keyboard: arrows
// or j/k move, Enter opens, a/s/c/d/t/n act on the highlighted follow-up, Esc closes.
import { useEffect, useState } from 'react';
import { GridList, GridListHeader, GridListItem, GridListSection, type Selection } from 'react-aria-components';
import type {
  FollowupList as ListData,
  FollowupListScope,
  FollowupListRow,
} from '../../common/ipc/channels/followups.js';
import { call, loopdesk } from '../ipc/client.js';
import { useKeyCommands, type CommandHandlers } from '../keyboard/useKeyCommands.js';
import { coalesced } from '../queue/coalesce.js';
import { DetailPane } from '../queue/DetailPane.js';
import { count } from '../queue/format.js';
import { FOLLOWUP_COMMANDS, runFollowupCommand } from './dialog-store.js';
import { FollowupRowContent } from './FollowupRow.js';
import { GROUP_TITLES, groupOf, groupRows } from './group-rows.js';

/** Sync announces changes page by page; the list re-reads at most this often. */
const REFRESH_INTERVAL_MS = 300;
/** Due times pass without any change arriving: the groups are recomputed this often. */
const CLOCK_TICK_MS = 60_000;

function useList(scope: FollowupListScope): {
  readonly data: ListData | null;
  readonly version: number;
  readonly now: number;
} {
  const [data, setData] = useState<ListData | null>(null);
  const [version, setVersion] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let live = true;
    const load = async (): Promise<void> => {
      const list = await call('followups:list', { scope }).catch(() => null);
      if (!live || list === null) return;
      setData(list);
      setVersion((v) => v + 1);
      setNow(Date.now());
    };
    void load();
    const reload = coalesced(load, REFRESH_INTERVAL_MS);
    const unsubscribe = loopdesk().subscribe('data:changed', () => {
      void reload();
    });
    const tick = setInterval(() => {
      setNow(Date.now());
    }, CLOCK_TICK_MS);
    return () => {
      live = false;
      unsubscribe();
      clearInterval(tick);
    };
  }, [scope]);
  return { data, version, now };
}

function focusRow(responseId: string): void {
  const row = document.querySelector<HTMLElement>(`.followup-list [data-key="${CSS.escape(responseId)}"]`);
  row?.focus();
}

export function FollowupList({ scope, active }: { readonly scope: FollowupListScope; readonly active: boolean }) {
  const { data, version, now } = useList(scope);
  const [current, setCurrent] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = data?.open ?? [];
  const closed = data?.recentlyClosed ?? [];
  const rows: readonly FollowupListRow[] = [...open, ...closed];
  const groups = groupRows(open, now);
  const flat = [...groups.flatMap((g) => g.rows), ...closed].map((r) => r.responseId);

  const move = (step: number): void => {
    const at = current === null ? -1 : flat.indexOf(current);
    const next = flat[Math.max(0, Math.min(flat.length - 1, at + step))];
    if (next === undefined) return;
    setCurrent(next);
    setOpenId((o) => (o === null ? null : next));
    requestAnimationFrame(() => {
      focusRow(next);
    });
  };

  const handlers: CommandHandlers = {
    next: () => {
      move(1);
    },
    previous: () => {
      move(-1);
    },
    open: () => {
      if (current !== null) setOpenId(current);
    },
    back: () => {
      if (openId === null) return;
      setOpenId(null);
      if (current !== null) focusRow(current);
    },
  };
  for (const command of FOLLOWUP_COMMANDS) {
    handlers[command] = () => {
      runFollowupCommand(command, { selected: [], current: openId ?? current });
    };
  }
  useKeyCommands(active ? handlers : {});

  const onSelection = (selection: Selection): void => {
    if (selection === 'all') return;
    const [key] = [...selection];
    if (typeof key === 'string') setCurrent(key);
  };

  const item = (row: FollowupListRow) => (
    <GridListItem key={row.responseId} id={row.responseId} textValue={row.respondentName} className="followup-list-row">
      <FollowupRowContent row={row} showAssignee={scope === 'team'} overdue={groupOf(row, now) === 'overdue'} />
    </GridListItem>
  );

  return (
    <div className={openId === null ? 'followup-list-view' : 'followup-list-view has-detail'}>
      <div className="followup-list-area">
        {data !== null && (
          <p className="followup-list-summary" aria-live="polite">
            {count(open.length)} open{data.truncated ? ' (the first ones)' : ''}
            {groups[0]?.id === 'overdue' ? `, ${count(groups[0].rows.length)} overdue` : ''}
          </p>
        )}
        {data !== null && rows.length === 0 ? (
          <div className="empty-state">
            <h2>Nothing to follow up</h2>
            <p>
              {scope === 'mine'
                ? 'No follow-up is assigned to you. In the queue, press a on a response to take it on.'
                : 'The team has no open follow-ups.'}
            </p>
          </div>
        ) : (
          <GridList
            aria-label={scope === 'mine' ? 'My follow-ups' : 'The team’s follow-ups'}
            className="followup-list"
            selectionMode="single"
            selectionBehavior="replace"
            // Letters are the keymap's (j/k, a s c d t n), not a search by name.
            disallowTypeAhead
            disallowEmptySelection={false}
            selectedKeys={current === null ? [] : [current]}
            onSelectionChange={onSelection}
            onAction={(key) => {
              if (typeof key === 'string') {
                setCurrent(key);
                setOpenId(key);
              }
            }}
          >
            {groups.map((group) => (
              <GridListSection key={group.id} id={group.id}>
                <GridListHeader className="followup-list-group">
                  {GROUP_TITLES[group.id]} <span className="muted">{count(group.rows.length)}</span>
                </GridListHeader>
                {group.rows.map(item)}
              </GridListSection>
            ))}
            {closed.length > 0 && (
              <GridListSection id="closed">
                <GridListHeader className="followup-list-group">
                  Closed in the last two weeks <span className="muted">{count(closed.length)}</span>
                </GridListHeader>
                {closed.map(item)}
              </GridListSection>
            )}
          </GridList>
        )}
      </div>
      {openId !== null && (
        <DetailPane
          id={openId}
          search=""
          refresh={version}
          onClose={() => {
            setOpenId(null);
            if (current !== null) focusRow(current);
          }}
        />
      )}
    </div>
  );
}
