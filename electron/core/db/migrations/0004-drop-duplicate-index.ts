// responses_assignee_created (assignee, received; 0001) orders exactly as the queue's
// responses_q_assignee (assignee, received descending; 0002) read backwards, so the planner
// never needs both. Every index of the responses table is built again at the end of a
// bootstrap, and this one took 1 s of a million-response bootstrap for nothing.
import type { Migration } from './migration.js';

export const dropDuplicateIndex: Migration = {
  version: 4,
  name: 'drop a duplicate index',
  up(db) {
    db.exec('DROP INDEX IF EXISTS responses_assignee_created');
  },
};
