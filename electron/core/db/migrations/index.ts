// Every schema step, in order. Append only: the database records the last step it ran in
// user_version, and a profile opened by an older Loopdesk is refused when its number is
// higher than the last entry here.
import type { Migration } from './migration.js';
import { initial } from './0001-initial.js';
import { queueIndexes } from './0002-queue-indexes.js';
import { teamReports } from './0003-team-reports.js';
import { dropDuplicateIndex } from './0004-drop-duplicate-index.js';
import { dropUnusedScoreIndex } from './0005-drop-unused-score-index.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [
  initial,
  queueIndexes,
  teamReports,
  dropDuplicateIndex,
  dropUnusedScoreIndex,
];
