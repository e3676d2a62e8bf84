// The push half of sync, on the worker's connection: a user action becomes its optimistic
// effect plus an outbox row in one synchronous=FULL transaction; the server's answers then
// acknowledge rows or reject them (rolling their effect back by a rebuild).
import {
  MUTATION_ARGS,
  type Mutation,
  type MutationName,
  type MutationResult,
  type RejectionCode,
} from '../../../../common/api/mutations.js';
import { followupIdFor } from '../../../../common/api/records.js';
import { toInstant } from '../../db/codec.js';
import { runWithFullSync } from '../../db/pragmas.js';
import { getFollowup } from '../../db/readers/get-followup.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';
import { appendOutbox } from '../../db/writers/append-outbox.js';
import { ensureClientId } from './client-id.js';
import { readBase, writeBase } from './followup-base.js';
import { readActor, readResponseFacts } from './local-context.js';
import { applyLocally, writeFollowupState, writeLocalEvents } from './local-effects.js';
import { countPending, outboxRow, pendingRows } from './outbox-rows.js';
import { rebuildFollowup, settleBase } from './rebase.js';
import { rememberRejections, type StoredRejection } from './rejections.js';
import { describeIssues } from '../parse-page.js';

export interface SubmitArgs {
  readonly name: MutationName;
  readonly args: unknown;
  readonly nowMs: number;
}

/** Refusals the user can act on travel as values: only codes leave the worker when thrown. */
export type SubmitOutcome =
  | { readonly ok: true; readonly mutationId: number; readonly pendingMutations: number }
  | { readonly ok: false; readonly code: RejectionCode | 'not_signed_in'; readonly reason: string };

class Refused extends Error {
  constructor(readonly outcome: Extract<SubmitOutcome, { ok: false }>) {
    super(outcome.reason);
  }
}

function refuse(code: RejectionCode | 'not_signed_in', reason: string): never {
  throw new Refused({ ok: false, code, reason });
}

export function submitMutation(db: Db, input: SubmitArgs): SubmitOutcome {
  const parsed = MUTATION_ARGS[input.name].safeParse(input.args);
  if (!parsed.success) return { ok: false, code: 'invalid_args', reason: describeIssues(parsed.error) };
  const args = parsed.data;
  try {
    return runWithFullSync(db, () => {
      const actor = readActor(db) ?? refuse('not_signed_in', 'Loopdesk has not signed in to the server yet.');
      const facts =
        readResponseFacts(db, args.response_id) ??
        refuse('not_found', `Response ${args.response_id} is not in the local cache.`);
      const followupId = followupIdFor(facts.id);
      const current = getFollowup(db, followupId);
      // Without a base the local row is the server's state: it becomes the base that a
      // rejection or a pulled version is rebuilt from.
      if (readBase(db, followupId) === null) {
        writeBase(db, followupId, { response_id: facts.id, end_user_id: facts.end_user_id, server: current });
      }
      const mutationId = appendOutbox(db, { name: input.name, args }, input.nowMs);
      const at = toInstant(input.nowMs);
      const mutation = { id: mutationId, name: input.name, args } as Mutation;
      const step = applyLocally(db, current, mutation, facts, actor, at);
      // The same rule the server applies: refusing here saves a round trip, and the throw
      // rolls back the outbox row and the base with it.
      if (!step.ok) refuse(step.code, step.reason);
      writeLocalEvents(db, mutationId, followupId, actor.id, at, step.events);
      if (step.events.length > 0) writeFollowupState(db, followupId, step.followup);
      return { ok: true, mutationId, pendingMutations: countPending(db) } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    throw error;
  }
}

export interface PushBatch {
  /** The POST /v1/mutations body, as sent: retries carry byte-identical payloads. */
  readonly body: string;
  readonly mutationIds: readonly number[];
}

/** The oldest pending mutations as one request body, or null when nothing is pending. */
export function readPushBatch(db: Db, limit: number): PushBatch | null {
  return db
    .transaction(() => {
      const rows = pendingRows(db, limit);
      if (rows.length === 0) return null;
      const clientId = ensureClientId(db);
      const mutations = rows.map((r) => `{"id":${r.id},"name":${JSON.stringify(r.name)},"args":${r.args}}`);
      prepareCached(db, "UPDATE outbox SET attempts = attempts + 1 WHERE state = 'pending' AND id <= ?").run(
        rows.at(-1)?.id ?? 0,
      );
      return {
        body: `{"client_id":${JSON.stringify(clientId)},"mutations":[${mutations.join(',')}]}`,
        mutationIds: rows.map((r) => r.id),
      };
    })
    .immediate();
}

export interface PushOutcome {
  readonly acked: number;
  readonly rejected: readonly StoredRejection[];
  readonly pendingMutations: number;
}

/**
 * Applies the server's answers. Applied (or duplicate: applied by an earlier attempt whose
 * answer was lost) rows become 'acked'; rejected rows are deleted and their follow-up rebuilt
 * without them. Answers for rows that are gone (an erasure removed them) are ignored.
 */
export function recordPushResults(db: Db, results: readonly MutationResult[], nowMs: number): PushOutcome {
  return db
    .transaction(() => {
      let acked = 0;
      const rejected: StoredRejection[] = [];
      for (const result of results) {
        const row = outboxRow(db, result.id);
        if (row === null) continue;
        switch (result.status) {
          case 'applied':
          case 'duplicate':
            prepareCached(db, "UPDATE outbox SET state = 'acked', last_error = NULL WHERE id = ?").run(row.id);
            acked += 1;
            break;
          case 'rejected': {
            prepareCached(db, 'DELETE FROM outbox WHERE id = ?').run(row.id);
            const followupId = followupIdFor(row.response_id);
            const endUserId = readBase(db, followupId)?.end_user_id ?? null;
            rebuildFollowup(db, followupId);
            settleBase(db, followupId, row.response_id);
            rejected.push({
              mutationId: row.id,
              name: row.name,
              responseId: row.response_id,
              endUserId,
              code: result.code,
              reason: result.reason,
              rejectedAt: nowMs,
            });
            break;
          }
        }
      }
      rememberRejections(db, rejected);
      return { acked, rejected, pendingMutations: countPending(db) };
    })
    .immediate();
}

/** A batch the server refused as a whole (a 4xx for one malformed mutation): the reason is kept. */
export function noteSendFailure(db: Db, mutationIds: readonly number[], message: string): void {
  const update = prepareCached(db, 'UPDATE outbox SET last_error = ? WHERE id = ?');
  db.transaction(() => {
    for (const id of mutationIds) update.run(message.slice(0, 500), id);
  })();
}

/**
 * After a pull that reached the end of the feed, every acknowledged mutation whose follow-up
 * the pull did not bring changed nothing on the server: it is dropped and its follow-up
 * rebuilt from the server's state.
 */
export function settleAcked(db: Db): number {
  const responseIds = prepareCached(
    db,
    "SELECT DISTINCT response_id FROM outbox WHERE state = 'acked'",
    'pluck',
  ).all() as string[];
  if (responseIds.length === 0) return 0;
  prepareCached(db, "DELETE FROM outbox WHERE state = 'acked'").run();
  for (const responseId of responseIds) {
    const followupId = followupIdFor(responseId);
    rebuildFollowup(db, followupId);
    settleBase(db, followupId, responseId);
  }
  return responseIds.length;
}
