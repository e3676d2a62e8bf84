// The audit trail's phrases, for every kind of event: read after the actor's name.
import { describe, expect, it } from 'vitest';
import type { FollowupEventData } from '../../../common/api/records.js';
import { describeEvent } from '../../../common/followups/describe-event.js';
import { agoText } from '../../../common/followups/ago.js';

const NAMES: Readonly<Record<string, string>> = { st_anna: 'Anna Berg', st_jonas: 'Jonas Berg' };
const ctx = (actorId: string) => ({
  actorId,
  nameOf: (id: string) => NAMES[id] ?? id,
  formatInstant: (iso: string) => iso.slice(0, 10),
});

const CASES: readonly [FollowupEventData, string, string][] = [
  [{ kind: 'created' }, 'st_anna', 'opened the follow-up'],
  [{ kind: 'assigned', assignee_id: 'st_anna', previous_assignee_id: null }, 'st_anna', 'took this on'],
  [
    { kind: 'assigned', assignee_id: 'st_anna', previous_assignee_id: 'st_jonas' },
    'st_anna',
    'took this over from Jonas Berg',
  ],
  [{ kind: 'assigned', assignee_id: 'st_jonas', previous_assignee_id: null }, 'st_anna', 'assigned this to Jonas Berg'],
  [
    { kind: 'assigned', assignee_id: 'st_jonas', previous_assignee_id: 'st_anna' },
    'st_anna',
    'reassigned this from Anna Berg to Jonas Berg',
  ],
  [{ kind: 'unassigned', previous_assignee_id: 'st_jonas' }, 'st_anna', 'unassigned Jonas Berg'],
  [{ kind: 'due_set', due_at: '2026-06-01T00:00:00.000Z' }, 'st_anna', 'set the due time to 2026-06-01'],
  [{ kind: 'due_set', due_at: null }, 'st_anna', 'cleared the due time'],
  [{ kind: 'priority_set', priority: 'urgent' }, 'st_anna', 'set the priority to urgent'],
  [
    { kind: 'status_set', from: 'in_progress', to: 'closed_no_action', reason: 'Duplicate' },
    'st_anna',
    'moved this from In progress to Closed – no action: “Duplicate”',
  ],
  [
    {
      kind: 'contact_logged',
      contact_id: 'c1',
      contact: {
        channel: 'phone',
        direction: 'inbound',
        outcome: 'left_message',
        note: '',
        contacted_at: '2026-06-01T00:00:00Z',
      },
    },
    'st_anna',
    'logged an inbound phone contact (left a message)',
  ],
  [{ kind: 'note_added', note_id: 'n1', text: 'Call back' }, 'st_anna', 'added a note: “Call back”'],
  [{ kind: 'note_edited', note_id: 'n1', text: 'Call back Monday' }, 'st_anna', 'edited a note: “Call back Monday”'],
  [{ kind: 'tags_set', tags: [] }, 'st_anna', 'removed all tags'],
  [{ kind: 'tags_set', tags: ['vip', 'churn-risk'] }, 'st_anna', 'set the tags to vip, churn-risk'],
  [
    { kind: 'done', action_summary: 'Refunded', root_causes: ['billing'] },
    'st_anna',
    'marked this done: “Refunded” (root causes: billing)',
  ],
  [
    { kind: 'informed', how: 'direct', message: null, language: null },
    'st_anna',
    'noted that the respondent was told directly',
  ],
  [
    { kind: 'informed', how: 'message', message: 'Hej', language: 'sv' },
    'st_anna',
    'told the respondent by message: “Hej”',
  ],
];

describe('describeEvent', () => {
  it.each(CASES)('%j by %s', (data, actor, phrase) => {
    expect(describeEvent(data, ctx(actor))).toBe(phrase);
  });
});

describe('agoText', () => {
  it.each([
    [10_000, 'just now'],
    [70_000, 'a minute ago'],
    [2 * 60_000, '2 minutes ago'],
    [60 * 60_000, 'an hour ago'],
    [5 * 3_600_000, '5 hours ago'],
    [30 * 3_600_000, 'yesterday'],
    [4 * 86_400_000, '4 days ago'],
  ])('%i ms → %s', (ms, text) => {
    expect(agoText(ms)).toBe(text);
  });
});
