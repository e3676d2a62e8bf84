// One audit-trail event as a phrase that follows the actor's name: "Anna Berg" + "took this
// over from Jonas Berg". The detail pane lists the trail with it and the core's conflict
// notices reuse it ("Anna Berg took this over from you 2 minutes ago").
import type { FollowupEventData } from '../api/records.js';
import { STATUS_LABELS } from '../domain/followup-status.js';
import { CONTACT_CHANNEL_LABELS, CONTACT_OUTCOME_LABELS, PRIORITY_LABELS } from './labels.js';

export interface DescribeContext {
  /** The actor of the event, to say "took this on" rather than "assigned this to themselves". */
  readonly actorId: string;
  readonly nameOf: (staffId: string) => string;
  readonly formatInstant: (iso: string) => string;
}

function quoted(text: string): string {
  return `“${text}”`;
}

export function describeEvent(data: FollowupEventData, ctx: DescribeContext): string {
  switch (data.kind) {
    case 'created':
      return 'opened the follow-up';
    case 'assigned': {
      const from = data.previous_assignee_id;
      if (data.assignee_id === ctx.actorId) {
        return from === null ? 'took this on' : `took this over from ${ctx.nameOf(from)}`;
      }
      const to = ctx.nameOf(data.assignee_id);
      return from === null ? `assigned this to ${to}` : `reassigned this from ${ctx.nameOf(from)} to ${to}`;
    }
    case 'unassigned':
      return data.previous_assignee_id === null
        ? 'unassigned this'
        : `unassigned ${ctx.nameOf(data.previous_assignee_id)}`;
    case 'due_set':
      return data.due_at === null ? 'cleared the due time' : `set the due time to ${ctx.formatInstant(data.due_at)}`;
    case 'priority_set':
      return `set the priority to ${PRIORITY_LABELS[data.priority].toLowerCase()}`;
    case 'status_set': {
      const move = `moved this from ${STATUS_LABELS[data.from]} to ${STATUS_LABELS[data.to]}`;
      return data.reason === null || data.reason.trim() === '' ? move : `${move}: ${quoted(data.reason)}`;
    }
    case 'contact_logged': {
      const c = data.contact;
      const how = `${c.direction === 'inbound' ? 'an inbound' : 'an outbound'} ${CONTACT_CHANNEL_LABELS[c.channel].toLowerCase()}`;
      const outcome = CONTACT_OUTCOME_LABELS[c.outcome].toLowerCase();
      return `logged ${how} contact (${outcome})${c.note.trim() === '' ? '' : `: ${quoted(c.note)}`}`;
    }
    case 'note_added':
      return `added a note: ${quoted(data.text)}`;
    case 'note_edited':
      return `edited a note: ${quoted(data.text)}`;
    case 'tags_set':
      return data.tags.length === 0 ? 'removed all tags' : `set the tags to ${data.tags.join(', ')}`;
    case 'done':
      return `marked this done: ${quoted(data.action_summary)} (root causes: ${data.root_causes.join(', ')})`;
    case 'informed':
      return data.how === 'message'
        ? `told the respondent by message${data.message === null ? '' : `: ${quoted(data.message)}`}`
        : 'noted that the respondent was told directly';
  }
}
