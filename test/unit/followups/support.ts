// A follow-up in any state and a reducer context with a chosen gate: the domain tests drive
// the shared reducer (common/api/mutation-effects.ts) directly, as both server and client do.
import {
  applyMutation,
  newFollowup,
  type MutationContext,
  type MutationOutcome,
} from '../../../common/api/mutation-effects.js';
import { Mutation, type MutationName } from '../../../common/api/mutations.js';
import type { Followup } from '../../../common/api/records.js';
import type { Contactability } from '../../../common/domain/contactability.js';
import type { FollowupStatus } from '../../../common/domain/followup-status.js';

export const RESPONSE = {
  id: 'r1',
  end_user_id: 'eu1',
  survey_type: 'nps',
  score: 2,
  created_at: '2026-05-01T10:00:00.000Z',
} as const;

export const NOW = '2026-05-02T09:00:00.000Z';
export const ACTOR = 'st_me';
export const COLLEAGUE = 'st_colleague';

/** A follow-up in `status`, as the reducer would have left it (an owner where one is needed). */
export function followupIn(status: FollowupStatus, overrides: Partial<Followup> = {}): Followup {
  const base = newFollowup(RESPONSE, NOW);
  const owned = status !== 'new';
  return {
    ...base,
    status,
    assignee_id: owned ? COLLEAGUE : null,
    done_at: status === 'done' || status === 'informed' ? NOW : null,
    informed_at: status === 'informed' ? NOW : null,
    closed_reason: status === 'closed_no_action' ? 'Duplicate of another response' : null,
    action_summary: status === 'done' || status === 'informed' ? 'Fixed' : null,
    root_causes: status === 'done' || status === 'informed' ? ['bug'] : [],
    version: 3,
    ...overrides,
  };
}

export function context(
  gate: Contactability = { contactable: true },
  role: 'agent' | 'manager' = 'agent',
): MutationContext {
  return {
    actor: { id: ACTOR, role },
    now: NOW,
    contactability: gate,
    staffMember: (id) =>
      [ACTOR, COLLEAGUE].includes(id) ? { active: true } : id === 'st_left' ? { active: false } : null,
    note: (id) =>
      id === 'n_mine'
        ? { followup_id: 'fu_r1', author_id: ACTOR }
        : id === 'n_theirs'
          ? { followup_id: 'fu_r1', author_id: COLLEAGUE }
          : null,
    contactExists: (id) => id === 'c_seen',
  };
}

/** Parses the mutation like the server does (defaults filled in), then applies it. */
export function apply(
  followup: Followup,
  name: MutationName,
  args: Record<string, unknown>,
  ctx: MutationContext = context(),
): MutationOutcome {
  const mutation = Mutation.parse({ id: 1, name, args: { response_id: 'r1', ...args } }) as Mutation;
  return applyMutation(followup, mutation, ctx);
}

export const CONTACT = {
  contact_id: 'c_new',
  channel: 'phone',
  direction: 'outbound',
  outcome: 'reached',
  note: 'Talked it through',
  contacted_at: '2026-05-02T08:30:00.000Z',
} as const;
