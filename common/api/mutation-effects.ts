// What each mutation does to a follow-up. The server applies mutations with this function
// and a client can apply the same one optimistically, so both sides share one set of rules
// (the status machine and the contactability gate of common/domain included).
import { bandOf } from '../domain/metrics.js';
import { canTransition, STATUS_LABELS, type FollowupStatus } from '../domain/followup-status.js';
import { notContactableMessage, type Contactability } from '../domain/contactability.js';
import { DEFAULT_SLA_POLICY, dueAt, type SlaPolicy } from '../domain/sla.js';
import type { Followup, FollowupEventData, StaffRole, SurveyResponse } from './records.js';
import { followupIdFor } from './records.js';
import type { Mutation, RejectionCode } from './mutations.js';

export interface MutationActor {
  readonly id: string;
  readonly role: StaffRole;
}

/** What the reducer needs to know beyond the follow-up itself; the server reads it from its store. */
export interface MutationContext {
  readonly actor: MutationActor;
  /** ISO instant of the mutation, as written into the follow-up and its events. */
  readonly now: string;
  /** The gate for this follow-up's response and respondent (common/domain/contactability). */
  readonly contactability: Contactability;
  staffMember(id: string): { readonly active: boolean } | null;
  note(noteId: string): { readonly followup_id: string; readonly author_id: string } | null;
  contactExists(contactId: string): boolean;
}

export type MutationOutcome =
  | {
      readonly ok: true;
      /** Unchanged (same object) when the mutation was a no-op; otherwise version + 1. */
      readonly followup: Followup;
      /** In order; empty for a no-op. */
      readonly events: readonly FollowupEventData[];
    }
  | { readonly ok: false; readonly code: RejectionCode; readonly reason: string };

type ResponseFacts = Pick<SurveyResponse, 'id' | 'end_user_id' | 'survey_type' | 'score' | 'created_at'>;

/** The server opens a follow-up by itself only for the negative band (detractors). */
export function opensFollowupOnIngest(response: Pick<SurveyResponse, 'survey_type' | 'score'>): boolean {
  return bandOf(response.survey_type, response.score) === 'negative';
}

/** A fresh follow-up (version 1, status new) with the SLA's due time and priority. */
export function newFollowup(response: ResponseFacts, now: string, policy: SlaPolicy = DEFAULT_SLA_POLICY): Followup {
  const rule = policy[response.survey_type][bandOf(response.survey_type, response.score)];
  const due = dueAt(rule, Date.parse(response.created_at));
  return {
    id: followupIdFor(response.id),
    response_id: response.id,
    end_user_id: response.end_user_id,
    status: 'new',
    assignee_id: null,
    priority: rule.priority,
    due_at: due === null ? null : new Date(due).toISOString(),
    first_contact_at: null,
    done_at: null,
    informed_at: null,
    closed_reason: null,
    action_summary: null,
    root_causes: [],
    tags: [],
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

function reject(code: RejectionCode, reason: string): MutationOutcome {
  return { ok: false, code, reason };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Accumulates the new state and its events so every branch below reads as a list of steps. */
class Draft {
  fields: Partial<Followup> = {};
  readonly events: FollowupEventData[] = [];
  constructor(readonly base: Followup) {}

  get status(): FollowupStatus {
    return this.fields.status ?? this.base.status;
  }
  get assignee(): string | null {
    return this.fields.assignee_id === undefined ? this.base.assignee_id : this.fields.assignee_id;
  }
  moveTo(to: FollowupStatus, reason: string | null = null): void {
    this.events.push({ kind: 'status_set', from: this.status, to, reason });
    this.fields.status = to;
  }
  assign(assigneeId: string): void {
    this.events.push({ kind: 'assigned', assignee_id: assigneeId, previous_assignee_id: this.assignee });
    this.fields.assignee_id = assigneeId;
  }
  finish(now: string): MutationOutcome {
    if (this.events.length === 0) return { ok: true, followup: this.base, events: [] };
    const followup: Followup = { ...this.base, ...this.fields, version: this.base.version + 1, updated_at: now };
    return { ok: true, followup, events: this.events };
  }
}

function transitionError(from: FollowupStatus, to: FollowupStatus): MutationOutcome {
  return reject('invalid_transition', `A follow-up cannot go from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}.`);
}

function gate(ctx: MutationContext, what: string): MutationOutcome | null {
  const c = ctx.contactability;
  return c.contactable ? null : reject('not_contactable', `${what}: ${notContactableMessage(c.reason)}`);
}

/** Applies one mutation to the follow-up of its response; never throws for a domain rule. */
export function applyMutation(followup: Followup, mutation: Mutation, ctx: MutationContext): MutationOutcome {
  const d = new Draft(followup);
  switch (mutation.name) {
    case 'assign': {
      const { assignee_id } = mutation.args;
      if (ctx.staffMember(assignee_id)?.active !== true) {
        return reject('not_found', `There is no active staff member with id ${assignee_id}.`);
      }
      if (d.assignee === assignee_id) break;
      d.assign(assignee_id);
      if (d.status === 'new') d.moveTo('assigned');
      break;
    }
    case 'unassign': {
      if (d.assignee === null) break;
      if (d.status === 'in_progress' || d.status === 'waiting') {
        return reject(
          'invalid_transition',
          'Someone must own a follow-up in progress: assign it to a colleague instead.',
        );
      }
      d.events.push({ kind: 'unassigned', previous_assignee_id: d.assignee });
      d.fields.assignee_id = null;
      if (d.status === 'assigned') d.moveTo('new');
      break;
    }
    case 'set_due': {
      const due = mutation.args.due_at === null ? null : new Date(mutation.args.due_at).toISOString();
      if (due === followup.due_at) break;
      d.events.push({ kind: 'due_set', due_at: due });
      d.fields.due_at = due;
      break;
    }
    case 'set_priority': {
      if (mutation.args.priority === followup.priority) break;
      d.events.push({ kind: 'priority_set', priority: mutation.args.priority });
      d.fields.priority = mutation.args.priority;
      break;
    }
    case 'set_status': {
      const { status: to, reason } = mutation.args;
      const from = followup.status;
      if (to === from) break;
      if (to === 'done')
        return reject('invalid_transition', 'Use “Mark done” with an action summary and a root cause.');
      if (to === 'informed')
        return reject('invalid_transition', 'Use “Mark informed” to record how the respondent was told.');
      if (!canTransition(from, to)) return transitionError(from, to);
      if (to === 'closed_no_action' && (reason ?? '').trim() === '') {
        return reject('invalid_args', 'Closing a follow-up without action needs a reason.');
      }
      if (to === 'assigned' && d.assignee === null) {
        return reject('invalid_transition', 'Assign the follow-up to someone first.');
      }
      if (to === 'new' && d.assignee !== null) {
        d.events.push({ kind: 'unassigned', previous_assignee_id: d.assignee });
        d.fields.assignee_id = null;
      }
      if ((to === 'in_progress' || to === 'waiting') && d.assignee === null) d.assign(ctx.actor.id);
      d.moveTo(to, reason);
      // Reopening clears what described the closed state; the events keep the history.
      if (from === 'done') d.fields.done_at = null;
      d.fields.closed_reason = to === 'closed_no_action' ? reason : null;
      break;
    }
    case 'log_contact': {
      const blocked = gate(ctx, 'Contact cannot be logged');
      if (blocked) return blocked;
      const { response_id: _r, contact_id, ...contact } = mutation.args;
      if (ctx.contactExists(contact_id))
        return reject('conflict', `A contact with id ${contact_id} is already logged.`);
      // Whoever reaches out first takes the follow-up on.
      if (d.status === 'new') {
        if (d.assignee === null) d.assign(ctx.actor.id);
        d.moveTo('assigned');
      }
      if (d.status === 'assigned') d.moveTo('in_progress');
      d.events.push({ kind: 'contact_logged', contact_id, contact });
      if (followup.first_contact_at === null) d.fields.first_contact_at = new Date(contact.contacted_at).toISOString();
      break;
    }
    case 'add_note': {
      const { note_id, text } = mutation.args;
      if (ctx.note(note_id) !== null) return reject('conflict', `A note with id ${note_id} already exists.`);
      d.events.push({ kind: 'note_added', note_id, text });
      break;
    }
    case 'edit_note': {
      const { note_id, text } = mutation.args;
      const note = ctx.note(note_id);
      if (note?.followup_id !== followup.id) return reject('not_found', 'That note does not exist on this follow-up.');
      if (note.author_id !== ctx.actor.id && ctx.actor.role !== 'manager') {
        return reject('forbidden', 'Only the note’s author or a manager can edit it.');
      }
      d.events.push({ kind: 'note_edited', note_id, text });
      break;
    }
    case 'set_tags': {
      const tags = unique(mutation.args.tags);
      if (sameList(tags, followup.tags)) break;
      d.events.push({ kind: 'tags_set', tags });
      d.fields.tags = tags;
      break;
    }
    case 'mark_done': {
      const { action_summary, inform } = mutation.args;
      if (!canTransition(followup.status, 'done')) {
        return followup.status === 'new'
          ? reject('invalid_transition', 'Assign the follow-up before marking it done.')
          : transitionError(followup.status, 'done');
      }
      if (inform !== null) {
        const blocked = gate(ctx, 'The respondent cannot be informed');
        if (blocked) return blocked;
      }
      const root_causes = unique(mutation.args.root_causes);
      d.events.push({ kind: 'done', action_summary, root_causes });
      Object.assign(d.fields, { status: 'done', done_at: ctx.now, action_summary, root_causes });
      if (inform !== null) {
        d.events.push({ kind: 'informed', how: 'message', message: inform.message, language: inform.language });
        Object.assign(d.fields, { status: 'informed', informed_at: ctx.now });
      }
      break;
    }
    case 'mark_informed': {
      const { how, message, language } = mutation.args;
      if (!canTransition(followup.status, 'informed')) {
        return reject('invalid_transition', 'Only a follow-up marked done can be marked informed.');
      }
      if (how === 'message') {
        if ((message ?? '').trim() === '')
          return reject('invalid_args', 'Informing by message needs the message text.');
        const blocked = gate(ctx, 'The respondent cannot be messaged');
        if (blocked) return blocked;
      }
      d.events.push({ kind: 'informed', how, message, language });
      Object.assign(d.fields, { status: 'informed', informed_at: ctx.now });
      break;
    }
  }
  return d.finish(ctx.now);
}
