// The closed-loop KPIs against hand-computed fixtures (common/team/kpis.ts states each rule).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_TEAM_FILTERS } from '../../../common/team/filters.js';
import { kpiChange, kpiValue, type KpiCounts } from '../../../common/team/kpis.js';
import type { Db } from '../../../electron/core/db/sqlite.js';
import { readTeamKpis } from '../../../electron/core/team/team-kpis.js';
import { openTestDatabase } from '../db/support/test-database.js';
import { ANA, BEN, HOUR, hours, MANAGER, signIn, writeLoops, type LoopCase } from './support/team-fixture.js';

let db: Db;

beforeEach(() => {
  db = openTestDatabase().db;
  signIn(db, MANAGER.id);
});

afterEach(() => {
  db.close();
});

/** Every case is due inside this week; "now" is long after, unless a test says otherwise. */
const PERIOD = { from: hours(0), to: hours(7 * 24) };
const PREVIOUS = { from: hours(-7 * 24), to: hours(0) };
const LATER = hours(30 * 24);

function kpis(now = LATER, filters = EMPTY_TEAM_FILTERS) {
  return readTeamKpis(db, { period: PERIOD, previousPeriod: PREVIOUS, filters }, now);
}

function total(now = LATER): KpiCounts {
  return kpis(now).total.current;
}

describe('time to first contact', () => {
  it('takes the mean of the two middle values with an even count, and ties count twice', () => {
    // Contacted after 1, 2, 2 and 5 hours; two never contacted (left out of the median).
    const contacted = [1, 2, 2, 5].map((h, i): LoopCase => ({ id: `r${i}`, received: 10, firstContact: 10 + h }));
    writeLoops(db, [...contacted, { id: 'r8', received: 10 }, { id: 'r9', received: 11 }]);
    const t = total();
    expect(t.contacted).toBe(4);
    expect(t.firstContactMedianMs).toBe(2 * HOUR);
    // p90: nearest rank ⌈0.9 × 4⌉ = 4th smallest.
    expect(t.firstContactP90Ms).toBe(5 * HOUR);
  });

  it('takes the middle value with an odd count', () => {
    const contacted = [3, 1, 4, 1, 5].map((h, i): LoopCase => ({ id: `r${i}`, received: 0, firstContact: h }));
    writeLoops(db, contacted);
    const t = total();
    expect(t.firstContactMedianMs).toBe(3 * HOUR);
    expect(t.firstContactP90Ms).toBe(5 * HOUR);
  });

  it('p90 of ten values is the ninth smallest; a contact before the response counts as immediate', () => {
    const contacted = [-2, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((h, i): LoopCase => ({
      id: `r${i}`,
      received: 20,
      firstContact: 20 + h,
    }));
    writeLoops(db, contacted);
    const t = total();
    expect(t.firstContactP90Ms).toBe(8 * HOUR);
    expect(t.firstContactMedianMs).toBe(4.5 * HOUR);
  });

  it('is null when nobody was contacted', () => {
    writeLoops(db, [{ id: 'r1' }, { id: 'r2' }]);
    expect(total().firstContactMedianMs).toBeNull();
    expect(kpiValue('firstContactMedian', total())).toBeNull();
  });
});

describe('rates', () => {
  const cases: LoopCase[] = [
    // Due at 48 h. Met: contact at 10 h. Missed: contact at 60 h.
    { id: 'met', firstContact: 10, status: 'informed', done: 70 },
    { id: 'late', firstContact: 60, status: 'done', done: 80 },
    // Never contacted, due long ago: a miss.
    { id: 'silent', status: 'assigned' },
    // Closed without action and without contact: nothing to attain.
    { id: 'closed', status: 'closed_no_action' },
    // Due later (at 100 h), not contacted: not judged while "now" is before its due time.
    { id: 'pending', received: 52, status: 'assigned' },
  ];

  it('closed-loop rate is done or informed over follow-ups due', () => {
    writeLoops(db, cases);
    const t = total();
    expect(t.due).toBe(5);
    expect(t.closed).toBe(2);
    expect(kpiValue('closedLoopRate', t)).toBe(40);
  });

  it('informed rate is informed over done or informed', () => {
    writeLoops(db, cases);
    expect(kpiValue('informedRate', total())).toBe(50);
  });

  it('SLA attainment counts contacts by the due time; silence counts against it once overdue', () => {
    writeLoops(db, cases);
    // Before "pending" is due: met / (met, late, silent) = 1/3.
    const early = total(hours(90));
    expect([early.slaMet, early.slaJudged]).toEqual([1, 3]);
    // After it: one more miss.
    const late = total();
    expect([late.slaMet, late.slaJudged]).toEqual([1, 4]);
    expect(kpiValue('slaAttainment', late)).toBe(25);
  });

  it('time to done is measured from the response for loops still done or informed', () => {
    writeLoops(db, cases);
    // met: 70 h, late: 80 h → median 75 h.
    expect(total().doneMedianMs).toBe(75 * HOUR);
  });
});

describe('cohort', () => {
  it('counts follow-ups due in the period, not those due before or after, nor those without a due time', () => {
    writeLoops(db, [
      { id: 'in', received: 0 },
      { id: 'before', received: -100 },
      { id: 'after', received: 7 * 24 },
      { id: 'none', due: null },
    ]);
    const result = kpis();
    expect(result.total.current.due).toBe(1);
    expect(result.total.previous.due).toBe(1);
  });

  it('applies the filters', () => {
    writeLoops(db, [
      { id: 'fr', country: 'FR' },
      { id: 'de', country: 'DE' },
      { id: 'unknown', country: null },
    ]);
    expect(kpis(LATER, { ...EMPTY_TEAM_FILTERS, country: ['DE', null] }).total.current.due).toBe(2);
  });

  it('breaks the figures down by assignee, with each one’s median time to first contact', () => {
    writeLoops(db, [
      { id: 'a1', assignee: ANA.id, firstContact: 2 },
      { id: 'a2', assignee: ANA.id, firstContact: 4 },
      { id: 'b1', assignee: BEN.id, firstContact: 10 },
      { id: 'n1', assignee: null, status: 'new' },
    ]);
    const groups = new Map(kpis().byAssignee.map((g) => [g.assigneeId, g.current]));
    expect(groups.get(ANA.id)?.firstContactMedianMs).toBe(3 * HOUR);
    expect(groups.get(BEN.id)?.firstContactMedianMs).toBe(10 * HOUR);
    expect(groups.get(null)?.due).toBe(1);
    expect(kpis().total.current.firstContactMedianMs).toBe(4 * HOUR);
  });
});

describe('roles', () => {
  it('gives an agent their own follow-ups only', () => {
    writeLoops(db, [
      { id: 'a1', assignee: ANA.id, firstContact: 2 },
      { id: 'b1', assignee: BEN.id, firstContact: 10 },
      { id: 'b2', assignee: BEN.id },
    ]);
    signIn(db, ANA.id);
    const result = kpis();
    expect(result.scope.sees).toBe('self');
    expect(result.total.current.due).toBe(1);
    expect(result.total.current.firstContactMedianMs).toBe(2 * HOUR);
    expect(result.byAssignee.map((g) => g.assigneeId)).toEqual([ANA.id]);
  });

  it('shows nothing before sync has said who is signed in', () => {
    writeLoops(db, [{ id: 'a1' }]);
    db.prepare("DELETE FROM sync_state WHERE key = 'me'").run();
    const result = kpis();
    expect(result.scope.sees).toBe('none');
    expect(result.total.current.due).toBe(0);
  });
});

describe('change from the previous period', () => {
  const counts = (closed: number, due: number): KpiCounts => ({
    due,
    closed,
    informed: 0,
    contacted: 0,
    slaMet: 0,
    slaJudged: 0,
    firstContactMedianMs: null,
    firstContactP90Ms: null,
    doneMedianMs: null,
  });

  it('is in percentage points, better when a rate goes up', () => {
    expect(kpiChange('closedLoopRate', counts(3, 4), counts(1, 2))).toEqual({ delta: 25, verdict: 'better' });
    expect(kpiChange('closedLoopRate', counts(1, 2), counts(3, 4))).toEqual({ delta: -25, verdict: 'worse' });
  });

  it('is better when a duration goes down, and absent without a value to compare', () => {
    const slow = { ...counts(0, 1), firstContactMedianMs: 10 * HOUR };
    const fast = { ...counts(0, 1), firstContactMedianMs: 4 * HOUR };
    expect(kpiChange('firstContactMedian', fast, slow)).toEqual({ delta: -6 * HOUR, verdict: 'better' });
    expect(kpiChange('firstContactMedian', fast, counts(0, 0))).toBeNull();
  });
});
