// responses_metric_score_created (metric, score, received; 0001) predates the queue's and
// the team views' own indexes, and no query chooses it any more: metric and score filters go
// through responses_q_metric, responses_q_score and responses_q_cover, score reports through
// responses_team_scores. With it dropped, the queue bench's 47 cases and the team bench over a
// million responses stayed within their noise. It cost a second of every million-response
// bootstrap (each index of the responses table is built again at its end) and a write on
// every response synced later.
import type { Migration } from './migration.js';

export const dropUnusedScoreIndex: Migration = {
  version: 5,
  name: 'drop an unused score index',
  up(db) {
    db.exec('DROP INDEX IF EXISTS responses_metric_score_created');
  },
};
