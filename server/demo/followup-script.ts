// Gives a demo follow-up a believable history by playing mutations through the same reducer
// the server applies (common/api/mutation-effects): assignment, contact attempts, notes,
// waiting, done, informed or closed. Steps later than "now" are not played, so recent
// follow-ups are naturally still new, assigned or in progress.
import type { Followup } from '../../common/api/records.js';
import type { Mutation } from '../../common/api/mutations.js';
import { applyMutation, type MutationContext } from '../../common/api/mutation-effects.js';
import { contactability, type Contactability } from '../../common/domain/contactability.js';
import type { ContactChannel, ContactOutcome } from '../../common/domain/channels.js';
import type { Prng } from '../lib/prng.js';
import type { FollowupStep } from '../services/followup-writer.js';
import { iso } from '../services/clock.js';
import { LANGUAGE_PACKS } from './comments/index.js';
import type { ComplaintTheme } from './comments/pack.js';
import type { DemoRespondent } from './people.js';
import { DEMO_MANAGER, DEMO_STAFF, firstName, type DemoStaffMember } from './roster.js';
import {
  ACTION_SUMMARIES,
  CONTACT_NOTES,
  FOLLOWUP_TAGS,
  INTERNAL_NOTES,
  NOT_CONTACTABLE_CLOSE_REASONS,
  ROOT_CAUSES,
  UNREACHABLE_CLOSE_REASONS,
} from './staff-texts.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONTH = 30.44 * DAY;

type Fate = 'informed' | 'done' | 'closed' | 'waiting' | 'untouched';

export interface ScriptInput {
  readonly respondent: DemoRespondent;
  readonly theme: ComplaintTheme;
  readonly product: string;
}

/** Staff work office hours (UTC 7–16 is 8/9–17/18 in the Nordics), Monday to Friday. */
function officeHours(ms: number, prng: Prng): number {
  let t = ms;
  const hour = new Date(t).getUTCHours();
  if (hour < 7 || hour >= 16)
    t = Math.floor(t / DAY) * DAY + (hour >= 16 ? DAY : 0) + 7 * HOUR + prng.int(0, 150) * 60_000;
  const weekday = new Date(t).getUTCDay();
  if (weekday === 6) t += 2 * DAY;
  if (weekday === 0) t += DAY;
  return t;
}

export class FollowupScripter {
  readonly #nowMs: number;

  constructor(
    private readonly prng: Prng,
    nowMs: number,
  ) {
    this.#nowMs = nowMs;
  }

  #isActive(staff: DemoStaffMember, atMs: number): boolean {
    return staff.leftMonthsAgo === undefined || atMs < this.#nowMs - staff.leftMonthsAgo * MONTH;
  }

  #assignee(input: ScriptInput, atMs: number): DemoStaffMember {
    const p = this.prng;
    const working = DEMO_STAFF.filter((s) => s.role === 'agent' && this.#isActive(s, atMs));
    const speakers = working.filter((s) => s.speaks.includes(input.respondent.language));
    return p.chance(0.75) && speakers.length > 0 ? p.pick(speakers) : p.pick(working);
  }

  #fate(gate: Contactability, openedMs: number): Fate {
    const p = this.prng;
    if (!gate.contactable) return p.chance(0.8) ? 'closed' : 'done';
    const fate = p.weighted<Fate>([
      ['informed', 65],
      ['done', 14],
      ['closed', 14],
      ['waiting', 5],
      ['untouched', 2],
    ]);
    // Nobody waits for a customer for months: old "waiting" loops were closed in the end.
    return fate === 'waiting' && openedMs < this.#nowMs - 30 * DAY ? 'informed' : fate;
  }

  /** Plays the history of a follow-up opened at `opened.created_at`; returns the steps that happened. */
  script(opened: Followup, input: ScriptInput): FollowupStep[] {
    const p = this.prng;
    const { respondent } = input;
    const gate = contactability({ answer: 'response', respondent: { ...respondent.record, erased: false } });
    const fate = this.#fate(gate, Date.parse(opened.created_at));
    const steps: FollowupStep[] = [];
    if (fate === 'untouched') return steps;

    let current = opened;
    let clock = Date.parse(opened.created_at);
    const notes = new Map<string, { followup_id: string; author_id: string }>();
    let contacts = 0;
    let stopped = false;
    const play = (
      actor: DemoStaffMember,
      afterMs: number,
      mutation: Mutation | ((at: string) => Mutation),
    ): boolean => {
      if (stopped) return false;
      const at = officeHours(clock + afterMs, p);
      if (at > this.#nowMs - 60_000) {
        stopped = true;
        return false;
      }
      clock = at;
      const ctx: MutationContext = {
        actor: { id: actor.id, role: actor.role },
        now: iso(at),
        contactability: gate,
        staffMember: (id) => {
          const s = DEMO_STAFF.find((m) => m.id === id);
          return s ? { active: this.#isActive(s, at) } : null;
        },
        note: (id) => notes.get(id) ?? null,
        contactExists: () => false,
      };
      const outcome = applyMutation(current, typeof mutation === 'function' ? mutation(iso(at)) : mutation, ctx);
      if (!outcome.ok) {
        stopped = true;
        return false;
      }
      if (outcome.events.length > 0) {
        current = outcome.followup;
        steps.push({ followup: current, events: outcome.events, actorId: actor.id, at: iso(at) });
      }
      return true;
    };

    const response_id = opened.response_id;
    const assignee = this.#assignee(input, clock);
    const assigner = p.chance(0.5) && this.#isActive(DEMO_MANAGER, clock) ? DEMO_MANAGER : assignee;
    play(assigner, p.int(20, 30 * 60) * 60_000, {
      id: 1,
      name: 'assign',
      args: { response_id, assignee_id: assignee.id },
    });
    if (respondent.company?.plan === 'Enterprise' && p.chance(0.4)) {
      play(assigner, 5 * 60_000, { id: 1, name: 'set_priority', args: { response_id, priority: 'urgent' } });
    }
    if (p.chance(0.25)) {
      play(assignee, 10 * 60_000, { id: 1, name: 'set_tags', args: { response_id, tags: [...p.pick(FOLLOWUP_TAGS)] } });
    }

    if (!gate.contactable) {
      const reason = p.pick(NOT_CONTACTABLE_CLOSE_REASONS);
      if (fate === 'closed') {
        play(assignee, p.int(1, 48) * HOUR, {
          id: 1,
          name: 'set_status',
          args: { response_id, status: 'closed_no_action', reason },
        });
      } else {
        this.#markDone(play, assignee, input, response_id, false);
      }
      return steps;
    }

    // Contact attempts until someone answers (or the follow-up is given up).
    const attempts = fate === 'closed' ? p.int(1, 3) : p.int(1, 2);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const last = attempt === attempts;
      const outcome: ContactOutcome =
        last && fate !== 'closed'
          ? 'reached'
          : p.weighted([
              ['no_answer', 5],
              ['left_message', 4],
              ['bounced', 1],
            ] as const);
      contacts += 1;
      const channel: ContactChannel =
        outcome === 'bounced' || respondent.record.phone === null
          ? 'email'
          : respondent.record.email === null
            ? 'phone'
            : p.weighted([
                ['email', 55],
                ['phone', 40],
                ['meeting', 5],
              ] as const);
      const note = p.pick(CONTACT_NOTES[outcome]).replace('{name}', respondent.firstName);
      const contact_id = `c_${response_id}_${contacts}`;
      play(assignee, attempt === 1 ? p.int(1, 40) * HOUR : p.int(20, 72) * HOUR, (at) => ({
        id: 1,
        name: 'log_contact',
        args: { response_id, contact_id, channel, direction: 'outbound', outcome, note, contacted_at: at },
      }));
    }
    if (p.chance(0.5)) {
      const noteId = `n_${response_id}_1`;
      if (
        play(assignee, p.int(1, 20) * HOUR, {
          id: 1,
          name: 'add_note',
          args: { response_id, note_id: noteId, text: p.pick(INTERNAL_NOTES) },
        })
      ) {
        notes.set(noteId, { followup_id: current.id, author_id: assignee.id });
        if (p.chance(0.1)) {
          const text = `${p.pick(INTERNAL_NOTES)} (Update: handled.)`;
          play(assignee, p.int(1, 48) * HOUR, {
            id: 1,
            name: 'edit_note',
            args: { response_id, note_id: noteId, text },
          });
        }
      }
    }
    if (fate === 'waiting' || p.chance(0.25)) {
      play(assignee, p.int(1, 6) * HOUR, {
        id: 1,
        name: 'set_status',
        args: { response_id, status: 'waiting', reason: null },
      });
      if (fate === 'waiting') return steps;
      play(assignee, p.int(1, 5) * DAY, {
        id: 1,
        name: 'set_status',
        args: { response_id, status: 'in_progress', reason: null },
      });
    }
    if (fate === 'closed') {
      const reason = p.pick(UNREACHABLE_CLOSE_REASONS);
      play(assignee, p.int(1, 72) * HOUR, {
        id: 1,
        name: 'set_status',
        args: { response_id, status: 'closed_no_action', reason },
      });
      return steps;
    }
    const informedWhenDone = fate === 'informed' && p.chance(0.6);
    this.#markDone(play, assignee, input, response_id, informedWhenDone);
    if (fate === 'informed' && !informedWhenDone) {
      const byMessage = p.chance(0.5);
      play(assignee, p.int(4, 72) * HOUR, {
        id: 1,
        name: 'mark_informed',
        args: {
          response_id,
          how: byMessage ? 'message' : 'direct',
          message: byMessage ? this.#informMessage(input, assignee) : null,
          language: byMessage ? input.respondent.language : null,
        },
      });
    }
    return steps;
  }

  #markDone(
    play: (actor: DemoStaffMember, afterMs: number, m: Mutation) => boolean,
    assignee: DemoStaffMember,
    input: ScriptInput,
    response_id: string,
    inform: boolean,
  ): void {
    const p = this.prng;
    const summary = p.pick(ACTION_SUMMARIES[input.theme]).replace('{version}', `4.${p.int(1, 19)}`);
    play(assignee, p.int(1, 12) * DAY, {
      id: 1,
      name: 'mark_done',
      args: {
        response_id,
        action_summary: summary,
        root_causes: [...p.pick(ROOT_CAUSES[input.theme])],
        inform: inform ? { message: this.#informMessage(input, assignee), language: input.respondent.language } : null,
      },
    });
  }

  #informMessage(input: ScriptInput, sender: DemoStaffMember): string {
    return this.prng
      .pick(LANGUAGE_PACKS[input.respondent.language].informs)
      .replace('{name}', input.respondent.firstName)
      .replace('{product}', input.product)
      .replace('{staff}', firstName(sender));
  }
}
