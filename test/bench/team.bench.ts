// bench: team.
// The Team view in the core over the 1,000,000-response encrypted cache (about 340,000
// follow-ups — more than the 200,000 the target is set for), each request through the IPC
// handler table to the database worker thread and back, as the renderer's are: the backlog,
// the closed-loop KPIs and the score trends for a year (the last 12 months, compared with
// the 12 before), signed in as a manager (the whole team: the widest scope). Cases run
// round-robin so that none enjoys a page cache warmed by its own previous run alone.
// Breakdowns, an agent's scope, filters, a month and root causes are reported for
// information.
import path from 'node:path';
import { EMPTY_TEAM_FILTERS, type TeamFilters } from '../../common/team/filters.js';
import { presetPeriods, type Granularity, type PeriodPreset } from '../../common/team/period.js';
import type { TrendBreakdown } from '../../common/team/trends.js';
import { WorkerDatabaseClient } from '../../electron/core/db/worker-database-client.js';
import { createHandlerTable, type HandlerMap } from '../../electron/core/ipc/handler-table.js';
import { teamHandlers } from '../../electron/core/ipc/handlers/team-handlers.js';
import { openDatabase } from '../../electron/core/db/open-database.js';
import { prepareBenchDatabase, setSignedInStaff, type BenchDatabase } from './support/bench-database.js';
import { percentile, report, round } from './support/report.js';
import { reportPercentiles, roundRobin, timeOnce, type BenchCase } from './support/round-robin.js';
import { SYNTHETIC_STAFF } from './support/synthetic-feedback.js';

const RESPONSES = 1_000_000;
const SEED = 7;
const ROUNDS = 25;
const WARMUP_ROUNDS = 2;
const TARGET = '<= 200';

const log = (line: string): void => {
  console.log(line);
};

const MANAGER = SYNTHETIC_STAFF[0]!;
const AGENT = SYNTHETIC_STAFF[2]!;

function signInAs(bench: BenchDatabase, staffId: string): void {
  const db = openDatabase({ file: bench.file, key: bench.key });
  setSignedInStaff(db, staffId);
  db.close();
}

async function main(): Promise<void> {
  const bench = prepareBenchDatabase(SEED, RESPONSES, log);
  // The shared cache is signed in as an agent for the queue's benchmarks: a manager here.
  const signIn = (staffId: string): void => {
    signInAs(bench, staffId);
  };
  signIn(MANAGER.id);
  try {
    await measure(bench);
  } finally {
    // Back to the agent the queue's benchmarks sign in as.
    signIn(AGENT.id);
  }
}

async function measure(bench: BenchDatabase): Promise<void> {
  const client = await WorkerDatabaseClient.open({
    file: bench.file,
    key: bench.key,
    workerPath: path.resolve('dist/node/db-worker.cjs'),
  });
  const dispatch = createHandlerTable(teamHandlers({ database: () => client, now: () => bench.now }) as HandlerMap);

  async function call(channel: string, request: unknown): Promise<unknown> {
    const result = await dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  }

  const periods = (preset: PeriodPreset) => presetPeriods(preset, bench.now);
  const kpis =
    (preset: PeriodPreset, filters: TeamFilters = EMPTY_TEAM_FILTERS) =>
    () => {
      const { current, previous } = periods(preset);
      return call('team:kpis', { period: current, previousPeriod: previous, filters });
    };
  const trends =
    (preset: PeriodPreset, granularity: Granularity, breakdown: TrendBreakdown, filters = EMPTY_TEAM_FILTERS) =>
    () =>
      call('team:trends', { period: periods(preset).current, granularity, breakdown, filters });
  const backlog = () => call('team:backlog', {});

  const cases: BenchCase[] = [
    ['team.backlog', backlog],
    ['team.kpis.year', kpis('last12months')],
    ['team.trends.year_weekly', trends('last12months', 'week', 'none')],
    ['team.trends.year_monthly', trends('last12months', 'month', 'none')],
  ];

  reportPercentiles(await roundRobin(cases, ROUNDS, WARMUP_ROUNDS), TARGET);

  // For information.
  const { current, previous } = periods('last12months');
  const info: [string, () => Promise<unknown>][] = [
    ['team.info.kpis_month', kpis('thisMonth')],
    ['team.info.kpis_year_country_de', kpis('last12months', { ...EMPTY_TEAM_FILTERS, country: ['DE'] })],
    ['team.info.trends_year_weekly_by_product', trends('last12months', 'week', 'product')],
    ['team.info.trends_year_weekly_by_country', trends('last12months', 'week', 'country')],
    [
      'team.info.root_causes_year_monthly',
      () =>
        call('team:root-causes', {
          period: current,
          previousPeriod: previous,
          filters: EMPTY_TEAM_FILTERS,
          granularity: 'month',
        }),
    ],
  ];
  for (const [name, run] of info) {
    const values: number[] = [];
    for (let i = 0; i < 7; i += 1) values.push(await timeOnce(run));
    report({ name, value: round(percentile(values, 50)), unit: 'ms p50', target: '' });
  }

  const cohort = (await call('team:kpis', {
    period: current,
    previousPeriod: previous,
    filters: EMPTY_TEAM_FILTERS,
  })) as {
    total: { current: { due: number }; previous: { due: number } };
  };
  await client.close();

  // An agent's scope: their own follow-ups only.
  signInAs(bench, AGENT.id);
  const agentClient = await WorkerDatabaseClient.open({
    file: bench.file,
    key: bench.key,
    workerPath: path.resolve('dist/node/db-worker.cjs'),
  });
  const agentDispatch = createHandlerTable(
    teamHandlers({ database: () => agentClient, now: () => bench.now }) as HandlerMap,
  );
  const values: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    values.push(
      await timeOnce(async () => {
        const result = await agentDispatch('team:kpis', {
          period: current,
          previousPeriod: previous,
          filters: EMPTY_TEAM_FILTERS,
        });
        if (!result.ok) throw new Error(result.error.message);
      }),
    );
  }
  report({ name: 'team.info.kpis_year_agent', value: round(percentile(values, 50)), unit: 'ms p50', target: '' });
  await agentClient.close();
  log(
    `${RESPONSES.toLocaleString('en')} responses; follow-ups due in the year: ${cohort.total.current.due.toLocaleString('en')} ` +
      `(and ${cohort.total.previous.due.toLocaleString('en')} in the year before); manager ${MANAGER.name}, agent ${AGENT.name}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
