// The renderer's pure follow-up logic: which follow-ups a key acts on, and how the Follow-ups
// section groups a list.
import { afterEach, describe, expect, it } from 'vitest';
import type { FollowupListRow } from '../../../common/ipc/channels/followups.js';
import { closeFollowupDialog, openDialog, runFollowupCommand } from '../../../renderer/followups/dialog-store.js';
import { groupOf, groupRows } from '../../../renderer/followups/group-rows.js';
import { fromLocalInput, toLocalInput } from '../../../renderer/followups/local-time.js';
import { normalizeTag } from '../../../renderer/followups/TagPicker.js';

describe('follow-up keys', () => {
  afterEach(closeFollowupDialog);

  it('assign takes the x-selection; the other actions the response open or highlighted', () => {
    const targets = { selected: ['r1', 'r2'], current: 'r9' };
    expect(runFollowupCommand('assign', targets)).toBe(true);
    expect(openDialog()).toEqual({ command: 'assign', responseIds: ['r1', 'r2'] });
    expect(runFollowupCommand('done', targets)).toBe(true);
    expect(openDialog()).toEqual({ command: 'done', responseIds: ['r9'] });
    expect(runFollowupCommand('assign', { selected: [], current: 'r9' })).toBe(true);
    expect(openDialog()).toEqual({ command: 'assign', responseIds: ['r9'] });
    closeFollowupDialog();
    expect(runFollowupCommand('note', { selected: ['r1'], current: null })).toBe(false);
    expect(openDialog()).toBeNull();
  });
});

const NOW = new Date(2026, 5, 1, 10, 0).getTime();
const HOUR = 3_600_000;

function row(id: string, over: Partial<FollowupListRow>): FollowupListRow {
  return {
    responseId: id,
    respondentName: 'Ingrid Olsen',
    surveyType: 'nps',
    score: 3,
    band: 'negative',
    excerpt: null,
    status: 'assigned',
    priority: 'high',
    assigneeId: 'st-me',
    assigneeName: 'Me',
    dueAt: null,
    receivedAt: NOW - 10 * HOUR,
    firstContactAt: null,
    updatedAt: NOW,
    ...over,
  };
}

describe('the Follow-ups section’s groups', () => {
  it('puts late first contacts first, then due today, done but untold, later, contacted and undated', () => {
    const rows = [
      row('late', { dueAt: NOW - HOUR }),
      row('today', { dueAt: NOW + HOUR }),
      row('done', { status: 'done', dueAt: NOW - 5 * HOUR, firstContactAt: NOW - 6 * HOUR }),
      row('later', { dueAt: NOW + 48 * HOUR }),
      row('contacted', { status: 'in_progress', dueAt: NOW - HOUR, firstContactAt: NOW - 2 * HOUR }),
      row('undated', { dueAt: null }),
    ];
    expect(rows.map((r) => groupOf(r, NOW))).toEqual(['overdue', 'today', 'inform', 'later', 'contacted', 'undated']);
    expect(groupRows([...rows].reverse(), NOW).map((g) => g.id)).toEqual([
      'overdue',
      'today',
      'inform',
      'later',
      'contacted',
      'undated',
    ]);
    expect(groupRows([rows[1]!], NOW)).toEqual([{ id: 'today', rows: [rows[1]] }]);
  });
});

describe('dialog helpers', () => {
  it('reads and writes datetime-local values in local time', () => {
    const ms = new Date(2026, 4, 2, 8, 30).getTime();
    expect(toLocalInput(ms)).toBe('2026-05-02T08:30');
    expect(fromLocalInput('2026-05-02T08:30')).toBe(ms);
    expect(fromLocalInput('2026-05-02')).toBeNull();
  });

  it('tidies tags typed by hand', () => {
    expect(normalizeTag('  billing   error ')).toBe('billing error');
    expect(normalizeTag('x'.repeat(80))).toHaveLength(64);
  });
});
