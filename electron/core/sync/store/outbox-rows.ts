// The outbox as sync reads it. A row is 'pending' until the server answers; 'acked' once the
// server applied it but before a pull has brought the follow-up's new state (the edit stays
// applied locally meanwhile, so the UI never flickers back); it is deleted then, or at once
// when rejected.
import type { Mutation, MutationName } from '../../../../common/api/mutations.js';
import { prepareCached } from '../../db/statement-cache.js';
import type { Db } from '../../db/sqlite.js';

export const OUTBOX_STATES = ['pending', 'acked'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export interface OutboxRow {
  readonly id: number;
  readonly name: MutationName;
  /** JSON text exactly as it is sent: a retry must carry the same payload. */
  readonly args: string;
  readonly response_id: string;
  readonly created_at: number;
  readonly state: OutboxState;
}

const COLUMNS = 'id, name, args, response_id, created_at, state';

/** Trusts the row: args were validated against MUTATION_ARGS before they were written. */
export function toMutation(row: OutboxRow): Mutation {
  const args: unknown = JSON.parse(row.args);
  return { id: row.id, name: row.name, args } as Mutation;
}

/** A response's unconfirmed mutations (pending and acked), oldest first. */
export function outboxRowsFor(db: Db, responseId: string): OutboxRow[] {
  return prepareCached(db, `SELECT ${COLUMNS} FROM outbox WHERE response_id = ? ORDER BY id`).all(
    responseId,
  ) as OutboxRow[];
}

export function outboxRow(db: Db, id: number): OutboxRow | null {
  return (prepareCached(db, `SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id) as OutboxRow | undefined) ?? null;
}

export function pendingRows(db: Db, limit: number): OutboxRow[] {
  return prepareCached(db, `SELECT ${COLUMNS} FROM outbox WHERE state = 'pending' ORDER BY id LIMIT ?`).all(
    limit,
  ) as OutboxRow[];
}

export function countPending(db: Db): number {
  return prepareCached(db, "SELECT count(*) FROM outbox WHERE state = 'pending'", 'pluck').get() as number;
}
