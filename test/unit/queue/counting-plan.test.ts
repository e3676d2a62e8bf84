import { describe, expect, it } from 'vitest';
import { filtersWith, type QueueFilters } from '../../../common/queue/query.js';
import { COUNTING_INDEX, countingSql } from '../../../electron/core/queue/counting-plan.js';
import { DRIVE_ALL, filterWhere } from '../../../electron/core/queue/sql/filters.js';
import { openTestDatabase } from '../db/support/test-database.js';
import { ME, NOW, seedQueue } from './support/queue-fixture.js';

function countSql(db: Parameters<typeof countingSql>[0], filters: QueueFilters): string {
  const where = filterWhere(filters, { me: ME, now: NOW, probe: DRIVE_ALL });
  return countingSql(
    db,
    (hint) => `SELECT count(*) FROM responses ${hint} WHERE ${where.sql}`,
    where.params,
    filters,
    [],
  );
}

describe('counting plan', () => {
  it('reads the covering index when the plan would fetch rows through a one-column index', () => {
    const { db } = openTestDatabase();
    seedQueue(db, 3, 400);
    db.exec('ANALYZE');
    const broad = filtersWith({ country: ['DE'], channel: ['web'] });
    // While sync's bulk load has dropped the index, counts go without it rather than fail.
    db.exec('DROP INDEX responses_q_cover');
    expect(countSql(db, broad)).not.toContain(COUNTING_INDEX);
    db.exec(
      'CREATE INDEX responses_q_cover ON responses (survey_type, band, channel, status, has_comment, language, ' +
        'country, product, assignee_id, score, company, due_at, created_at)',
    );
    // SQLite reads the channel index and every matching row; the count takes the covering index.
    const chosen = countSql(db, broad);
    expect(chosen).toContain(COUNTING_INDEX);
    const where = filterWhere(broad, { me: ME, now: NOW, probe: DRIVE_ALL });
    expect(
      db
        .prepare(chosen)
        .pluck()
        .get(...where.params),
    ).toBe(
      db
        .prepare(`SELECT count(*) FROM responses NOT INDEXED WHERE ${where.sql}`)
        .pluck()
        .get(...where.params),
    );
    // A search cannot be answered from the covering index: SQLite's plan stands.
    expect(countSql(db, filtersWith({ country: ['DE'], search: 'slow' }))).not.toContain(COUNTING_INDEX);
    db.close();
  });
});
