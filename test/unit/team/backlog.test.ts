// The backlog by assignee, each cell held to the queue's own count of the filter its link
// opens (common/team/backlog.ts): the numbers a manager clicks are the rows they get.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKLOG_CELLS, backlogCellFilters } from '../../../common/team/backlog.js';
import { DEFAULT_SORT } from '../../../common/queue/query.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { countQueue } from '../../../electron/core/queue/read-page.js';
import { readBacklog } from '../../../electron/core/team/read-backlog.js';
import { openTestDatabase } from '../db/support/test-database.js';
import { ANA, BEN, hours, MANAGER, signIn, writeLoops, type LoopCase } from './support/team-fixture.js';

let db: Db;
const NOW = hours(50);

const CASES: LoopCase[] = [
  // Due 48 h after receipt unless `due` says otherwise; NOW is 50 h.
  { id: 'a-overdue', assignee: ANA.id, status: 'assigned', received: 0 },
  { id: 'a-later', assignee: ANA.id, status: 'in_progress', received: 5 },
  { id: 'a-waiting', assignee: ANA.id, status: 'waiting', received: 60, firstContact: 61 },
  { id: 'a-done', assignee: ANA.id, status: 'done', received: 0, firstContact: 2, done: 3 },
  { id: 'b-new', assignee: BEN.id, status: 'in_progress', received: 1, due: null },
  { id: 'u-1', assignee: null, status: 'new', received: 0 },
  { id: 'u-2', assignee: null, status: 'new', received: 40 },
];

beforeEach(() => {
  db = openTestDatabase().db;
  // Responses without follow-ups are "new" and unassigned in the queue: never in the backlog.
  writeLoops(db, [{ id: 'promoter', score: 10 }], { followups: false });
  writeLoops(db, CASES);
  signIn(db, MANAGER.id);
});

afterEach(() => {
  db.close();
});

describe('backlog', () => {
  it('equals the queue’s count of every cell’s filter', () => {
    const backlog = readBacklog(db, NOW);
    for (const row of [...backlog.rows, backlog.unassigned]) {
      for (const cell of BACKLOG_CELLS) {
        const filters = backlogCellFilters(row.assigneeId, cell, backlog.today);
        const queue = countQueue(db, { filters, sort: DEFAULT_SORT }, { me: MANAGER.id, now: NOW });
        expect({ who: row.assigneeId, cell, count: row.counts[cell] }).toEqual({
          who: row.assigneeId,
          cell,
          count: queue,
        });
      }
    }
  });

  it('counts open follow-ups by status, overdue and due today', () => {
    const backlog = readBacklog(db, NOW);
    const ana = backlog.rows.find((r) => r.assigneeId === ANA.id)!;
    expect(ana.counts).toMatchObject({ assigned: 1, in_progress: 1, waiting: 1, open: 3, overdue: 1 });
    expect(backlog.unassigned.counts).toMatchObject({ new: 2, open: 2, overdue: 1 });
    // Every active staff member has a row, the manager too (at zero).
    expect(backlog.rows.map((r) => r.name)).toEqual(['Ana Agent', 'Ben Agent', 'Maja Manager']);
  });

  it('gives an agent their own row and the unassigned follow-ups, nobody else’s', () => {
    signIn(db, BEN.id);
    const backlog = readBacklog(db, NOW);
    expect(backlog.scope.sees).toBe('self');
    expect(backlog.rows.map((r) => r.assigneeId)).toEqual([BEN.id]);
    expect(backlog.unassigned.counts.open).toBe(2);
  });
});
