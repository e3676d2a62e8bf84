import type { Db } from '../sqlite.js';

/**
 * One numbered schema step. A released migration is never edited: a change to the schema is
 * a new file with the next number, so every profile reaches the same schema by the same path.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
