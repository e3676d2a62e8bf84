// Push idempotency (DESIGN.md "Sync" → Push): per client, the last mutation id and the
// payload hash of every id applied, both written inside the mutation's own transaction.
import type { Db } from './database.js';

export class MutationLog {
  readonly #last;
  readonly #hash;
  readonly #setLast;
  readonly #insertHash;

  constructor(db: Db) {
    this.#last = db
      .prepare<[string], number>('SELECT last_mutation_id FROM client_mutations WHERE client_id = ?')
      .pluck();
    this.#hash = db
      .prepare<[string, number], string>(
        'SELECT payload_hash FROM mutation_hashes WHERE client_id = ? AND mutation_id = ?',
      )
      .pluck();
    this.#setLast = db.prepare<[string, number, string, string]>(
      `INSERT INTO client_mutations (client_id, last_mutation_id, staff_id, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (client_id) DO UPDATE SET last_mutation_id = excluded.last_mutation_id,
         staff_id = excluded.staff_id, updated_at = excluded.updated_at`,
    );
    this.#insertHash = db.prepare<[string, number, string]>(
      'INSERT INTO mutation_hashes (client_id, mutation_id, payload_hash) VALUES (?, ?, ?)',
    );
  }

  lastId(clientId: string): number {
    return this.#last.get(clientId) ?? 0;
  }

  payloadHash(clientId: string, mutationId: number): string | null {
    return this.#hash.get(clientId, mutationId) ?? null;
  }

  record(clientId: string, mutationId: number, payloadHash: string, staffId: string, at: string): void {
    this.#insertHash.run(clientId, mutationId, payloadHash);
    this.#setLast.run(clientId, mutationId, staffId, at);
  }
}
