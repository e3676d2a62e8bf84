// The mutation reducer shared by server and client: properties that must hold for any
// sequence of mutations, whatever the actor, the gate or the order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMutation,
  newFollowup,
  opensFollowupOnIngest,
  type MutationContext,
} from '../../../common/api/mutation-effects.js';
import { Followup } from '../../../common/api/records.js';
import { Mutation } from '../../../common/api/mutations.js';
import { canTransition, PRIORITIES, FOLLOWUP_STATUSES } from '../../../common/domain/followup-status.js';
import type { Contactability } from '../../../common/domain/contactability.js';

const RESPONSE = {
  id: 'r1',
  end_user_id: 'eu1',
  survey_type: 'nps',
  score: 2,
  created_at: '2026-05-01T10:00:00.000Z',
} as const;
const STAFF = ['st_a', 'st_b', 'st_gone'];

const mutationArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ name: fc.constant('assign'), args: fc.record({ assignee_id: fc.constantFrom(...STAFF, 'st_unknown') }) }),
  fc.record({ name: fc.constant('unassign'), args: fc.constant({}) }),
  fc.record({ name: fc.constant('set_priority'), args: fc.record({ priority: fc.constantFrom(...PRIORITIES) }) }),
  fc.record({
    name: fc.constant('set_due'),
    args: fc.record({ due_at: fc.constantFrom(null, '2026-06-01T00:00:00Z') }),
  }),
  fc.record({
    name: fc.constant('set_status'),
    args: fc.record({ status: fc.constantFrom(...FOLLOWUP_STATUSES), reason: fc.constantFrom(null, '', 'Not needed') }),
  }),
  fc.record({
    name: fc.constant('log_contact'),
    args: fc.record({
      contact_id: fc.constantFrom('c1', 'c2', 'c3'),
      channel: fc.constant('phone'),
      direction: fc.constant('outbound'),
      outcome: fc.constantFrom('reached', 'no_answer'),
      note: fc.constant(''),
      contacted_at: fc.constant('2026-05-02T09:00:00Z'),
    }),
  }),
  fc.record({
    name: fc.constant('add_note'),
    args: fc.record({ note_id: fc.constantFrom('n1', 'n2'), text: fc.constant('hi') }),
  }),
  fc.record({
    name: fc.constant('edit_note'),
    args: fc.record({ note_id: fc.constantFrom('n1', 'n2'), text: fc.constant('edited') }),
  }),
  fc.record({
    name: fc.constant('set_tags'),
    args: fc.record({ tags: fc.array(fc.constantFrom('a', 'b'), { maxLength: 3 }) }),
  }),
  fc.record({
    name: fc.constant('mark_done'),
    args: fc.record({
      action_summary: fc.constant('Fixed'),
      root_causes: fc.constant(['bug']),
      inform: fc.constantFrom(null, { message: 'Hej', language: 'sv' }),
    }),
  }),
  fc.record({
    name: fc.constant('mark_informed'),
    args: fc.record({ how: fc.constantFrom('message', 'direct'), message: fc.constantFrom(null, 'Hej') }),
  }),
);

const gateArb: fc.Arbitrary<Contactability> = fc.constantFrom<Contactability>(
  { contactable: true },
  { contactable: false, reason: 'objected' },
  { contactable: false, reason: 'restricted' },
);

describe('applyMutation', () => {
  it('keeps every follow-up valid and every status change legal, for any sequence of mutations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(mutationArb, fc.constantFrom('st_a', 'st_b'), fc.constantFrom('agent', 'manager')), {
          maxLength: 25,
        }),
        gateArb,
        (steps, gate) => {
          let f = newFollowup(RESPONSE, '2026-05-01T10:00:00.000Z');
          const notes = new Map<string, { followup_id: string; author_id: string }>();
          const contacts = new Set<string>();
          for (const [raw, actor, role] of steps) {
            const parsed = Mutation.safeParse({
              id: 1,
              ...(raw as object),
              args: { response_id: 'r1', ...(raw as { args: object }).args },
            });
            if (!parsed.success) continue;
            const ctx: MutationContext = {
              actor: { id: actor, role },
              now: '2026-05-03T10:00:00.000Z',
              contactability: gate,
              staffMember: (id) => (STAFF.includes(id) ? { active: id !== 'st_gone' } : null),
              note: (id) => notes.get(id) ?? null,
              contactExists: (id) => contacts.has(id),
            };
            const out = applyMutation(f, parsed.data as Mutation, ctx);
            if (!out.ok) {
              expect(out.reason.length).toBeGreaterThan(10);
              continue;
            }
            expect(out.followup.version).toBe(f.version + (out.events.length > 0 ? 1 : 0));
            let status = f.status;
            for (const e of out.events) {
              if (e.kind === 'status_set') {
                expect(e.from).toBe(status);
                expect(canTransition(e.from, e.to)).toBe(true);
                status = e.to;
              }
              if (e.kind === 'done') status = 'done';
              if (e.kind === 'informed') status = 'informed';
              if (e.kind === 'contact_logged') {
                expect(gate.contactable).toBe(true);
                contacts.add(e.contact_id);
              }
              if (e.kind === 'note_added') notes.set(e.note_id, { followup_id: f.id, author_id: actor });
            }
            expect(out.followup.status).toBe(status);
            f = Followup.parse(out.followup);
            if (['in_progress', 'waiting', 'assigned'].includes(f.status)) expect(f.assignee_id).not.toBeNull();
            if (f.status === 'closed_no_action') expect(f.closed_reason?.trim()).toBeTruthy();
            if (f.status === 'informed') expect(f.informed_at).not.toBeNull();
            if (f.status === 'done' || f.status === 'informed') expect(f.root_causes.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('opens follow-ups on ingestion only for the negative band, with the SLA of the band', () => {
    expect(opensFollowupOnIngest({ survey_type: 'nps', score: 6 })).toBe(true);
    expect(opensFollowupOnIngest({ survey_type: 'nps', score: 7 })).toBe(false);
    expect(opensFollowupOnIngest({ survey_type: 'ces', score: 3 })).toBe(true);
    expect(opensFollowupOnIngest({ survey_type: 'csat', score: 3 })).toBe(false);
    expect(newFollowup(RESPONSE, '2026-05-01T10:05:00.000Z')).toMatchObject({
      id: 'fu_r1',
      status: 'new',
      priority: 'high',
      due_at: '2026-05-03T10:00:00.000Z',
      version: 1,
    });
    expect(newFollowup({ ...RESPONSE, score: 10 }, '2026-05-01T10:05:00.000Z')).toMatchObject({
      priority: 'low',
      due_at: null,
    });
  });
});
