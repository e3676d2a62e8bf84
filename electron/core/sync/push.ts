// Sends the outbox, oldest first, in batches, until nothing is pending. The server answers
// each mutation (applied, duplicate or rejected) and the worker records the answers in one
// transaction. A batch refused as a whole (400, 413, 422: one malformed or oversized
// mutation, or an id reused) is resent one mutation at a time, and the one refused alone is
// rejected locally with the server's message — so a bad mutation never blocks the queue.
import type { MutationReply, MutationResult } from '../../../common/api/mutations.js';
import type { DatabaseClient } from '../db/database-client.js';
import { ApiFailure } from './api-failure.js';
import type { ApiClient } from './api-client.js';
import type { PushOutcome } from './store/outbox.js';

export interface PushContext {
  readonly db: DatabaseClient;
  readonly api: ApiClient;
  readonly signal: AbortSignal;
  readonly batchSize: number;
  readonly now: () => number;
  readonly onOutcome: (outcome: PushOutcome) => void;
}

const BATCH_REFUSALS: readonly number[] = [400, 413, 422];

function refusedAlone(mutationId: number, failure: ApiFailure): MutationReply {
  const result: MutationResult = {
    id: mutationId,
    status: 'rejected',
    code: failure.status === 422 ? 'conflict' : 'invalid_args',
    reason: failure.message,
  };
  return { results: [result], last_mutation_id: 0 };
}

async function send(ctx: PushContext, body: string, ids: readonly number[]): Promise<MutationReply | 'split'> {
  try {
    return await ctx.api.mutations(body, ctx.signal);
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    if (!BATCH_REFUSALS.includes(error.status ?? 0)) {
      // Kept on the rows (with their attempt count) for diagnosis; the rows stay pending.
      await ctx.db.call('syncNoteSendFailure', { mutationIds: ids, message: error.message }).catch(() => undefined);
      throw error;
    }
    const [only, ...others] = ids;
    if (only === undefined || others.length > 0) return 'split';
    return refusedAlone(only, error);
  }
}

export async function pushAll(ctx: PushContext): Promise<void> {
  let singlesLeft = 0;
  for (;;) {
    const batch = await ctx.db.call('syncPushBatch', { limit: singlesLeft > 0 ? 1 : ctx.batchSize });
    if (batch === null) return;
    const reply = await send(ctx, batch.body, batch.mutationIds);
    if (reply === 'split') {
      singlesLeft = batch.mutationIds.length;
      continue;
    }
    if (reply.results.length === 0) {
      throw new ApiFailure('bad_reply', 'The server answered a batch of changes without a result for any of them.');
    }
    singlesLeft = Math.max(0, singlesLeft - 1);
    ctx.onOutcome(await ctx.db.call('syncPushResults', { results: reply.results, nowMs: ctx.now() }));
  }
}
