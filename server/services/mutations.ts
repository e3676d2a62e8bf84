// POST /v1/mutations: applies a client's batch in order, one transaction per mutation, with
// the client's last mutation id and the payload hash stored alongside the effects.
import { z } from 'zod';
import { Mutation, type MutationBatch, type MutationReply, type MutationResult } from '../../common/api/mutations.js';
import { followupIdFor, type Staff } from '../../common/api/records.js';
import { applyMutation, newFollowup, type MutationContext } from '../../common/api/mutation-effects.js';
import { contactability, notContactableMessage } from '../../common/domain/contactability.js';
import type { Store } from '../store/store.js';
import { writeFollowupSteps, type FollowupStep } from './followup-writer.js';
import { canonicalJson, sha256Hex } from './hashing.js';
import { ServiceError } from './service-error.js';
import { iso, type Clock } from './clock.js';

/** Enough of a mutation to answer for it even when its name or args are invalid. */
const Envelope = z.looseObject({ id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

interface Pending {
  readonly id: number;
  readonly raw: unknown;
  readonly hash: string;
}

function readEnvelopes(mutations: readonly unknown[]): Pending[] {
  let previous = 0;
  return mutations.map((raw, index) => {
    const parsed = Envelope.safeParse(raw);
    if (!parsed.success) {
      throw new ServiceError(400, 'invalid_request', 'Every mutation needs an integer id ≥ 1.', [
        { path: `mutations.${index}.id`, message: 'expected an integer ≥ 1' },
      ]);
    }
    const { id, ...payload } = parsed.data;
    if (id <= previous) {
      throw new ServiceError(400, 'invalid_request', 'Mutation ids must increase within a batch.', [
        { path: `mutations.${index}.id`, message: `${id} does not follow ${previous}` },
      ]);
    }
    previous = id;
    return { id, raw, hash: sha256Hex(canonicalJson(payload)) };
  });
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (first === undefined) return 'The mutation is not valid.';
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return `The mutation is not valid (${where}${first.message}).`;
}

export function applyMutationBatch(store: Store, staff: Staff, batch: MutationBatch, clock: Clock): MutationReply {
  const pending = readEnvelopes(batch.mutations);
  const lastSeen = store.mutationLog.lastId(batch.client_id);
  // A reused id must not half-apply a batch: check them all before applying anything.
  for (const m of pending) {
    if (m.id > lastSeen) break;
    const held = store.mutationLog.payloadHash(batch.client_id, m.id);
    if (held !== null && held !== m.hash) {
      throw new ServiceError(
        422,
        'mutation_id_reused',
        `Mutation id ${m.id} of client ${batch.client_id} was already used for a different mutation.`,
      );
    }
  }
  const results: MutationResult[] = pending.map((m) => {
    if (m.id <= lastSeen) {
      return store.mutationLog.payloadHash(batch.client_id, m.id) === null
        ? {
            id: m.id,
            status: 'rejected',
            code: 'conflict',
            reason: `Mutation id ${m.id} is older than the last one applied for this client (${lastSeen}) and was never seen.`,
          }
        : { id: m.id, status: 'duplicate' };
    }
    return store.write(() => {
      const now = clock();
      const result = applyOne(store, staff, m, iso(now), now.getTime());
      store.mutationLog.record(batch.client_id, m.id, m.hash, staff.id, iso(now));
      return result;
    });
  });
  return { results, last_mutation_id: store.mutationLog.lastId(batch.client_id) };
}

function applyOne(store: Store, staff: Staff, pending: Pending, now: string, nowMs: number): MutationResult {
  const { id } = pending;
  const parsed = Mutation.safeParse(pending.raw);
  if (!parsed.success) return { id, status: 'rejected', code: 'invalid_args', reason: describeIssues(parsed.error) };
  const mutation = parsed.data as Mutation;
  const responseId = mutation.args.response_id;
  const response = store.respondents.response(responseId);
  if (response === null) {
    if (store.respondents.decline(responseId) === null) {
      return {
        id,
        status: 'rejected',
        code: 'not_found',
        reason: `Response ${responseId} was not found (it may have been erased).`,
      };
    }
    return mutation.name === 'log_contact'
      ? { id, status: 'rejected', code: 'not_contactable', reason: notContactableMessage('declined') }
      : { id, status: 'rejected', code: 'not_found', reason: 'This is a decline: only responses have follow-ups.' };
  }
  const respondent = store.respondents.respondent(response.end_user_id);
  const steps: FollowupStep[] = [];
  let followup = store.followups.get(followupIdFor(responseId));
  if (followup === null) {
    // Created on first use, by the first mutation that needs it (DESIGN.md "Sync"), with the
    // team's SLA policy: the client's optimistic copy used the policy it last fetched.
    followup = newFollowup(response, now, store.settings.slaPolicy().policy);
    steps.push({ followup, events: [{ kind: 'created' }], actorId: staff.id, at: now });
  }
  const ctx: MutationContext = {
    actor: { id: staff.id, role: staff.role },
    now,
    contactability: contactability({
      answer: 'response',
      respondent: respondent === null ? null : { ...respondent, erased: false },
    }),
    staffMember: (staffId) => store.staff.get(staffId),
    note: (noteId) => store.followups.note(noteId),
    contactExists: (contactId) => store.followups.contactExists(contactId),
  };
  const outcome = applyMutation(followup, mutation, ctx);
  if (!outcome.ok) {
    // The follow-up stays unborn when the mutation that would have created it is refused.
    return { id, status: 'rejected', code: outcome.code, reason: outcome.reason };
  }
  if (outcome.events.length > 0)
    steps.push({ followup: outcome.followup, events: outcome.events, actorId: staff.id, at: now });
  writeFollowupSteps(store, steps, nowMs);
  return { id, status: 'applied' };
}
