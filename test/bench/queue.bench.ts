// bench: queue.
// The triage queue in the core over 1,000,000 responses in the encrypted cache: each request
// goes through the IPC handler table (zod validation) to the database worker thread and back,
// as the renderer's do. First window (100 rows) of each built-in view, each single filter, a
// combination of three, each sort in both directions, and full-text search for a common and
// a rare word. Cases run round-robin so that no case enjoys a page cache warmed by its own
// previous run alone. Counts and facets (computed after the page) are reported for
// information.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import {
  DEFAULT_SORT,
  filtersWith,
  SORT_COLUMNS,
  type QueueFilters,
  type QueueQuery,
} from '../../common/queue/query.js';
import { FACETS } from '../../common/queue/facets.js';
import { BUILT_IN_VIEWS } from '../../common/queue/views.js';
import { WorkerDatabaseClient } from '../../electron/core/db/worker-database-client.js';
import { createHandlerTable, type HandlerMap } from '../../electron/core/ipc/handler-table.js';
import { queueHandlers } from '../../electron/core/ipc/handlers/queue-handlers.js';
import { prepareBenchDatabase } from './support/bench-database.js';
import { percentile, report, round } from './support/report.js';
import { SYNTHETIC_STAFF } from './support/synthetic-feedback.js';

const RESPONSES = 1_000_000;
const SEED = 7;
const ROUNDS = 25;
const WARMUP_ROUNDS = 2;
const PAGE = 100;
const TARGET = '<= 50';

const log = (line: string): void => {
  console.log(line);
};

async function main(): Promise<void> {
  const bench = prepareBenchDatabase(SEED, RESPONSES, log);
  const client = await WorkerDatabaseClient.open({
    file: bench.file,
    key: bench.key,
    workerPath: path.resolve('dist/node/db-worker.cjs'),
  });
  const dispatch = createHandlerTable(queueHandlers({ database: () => client, now: () => bench.now }) as HandlerMap);

  async function call(channel: string, request: unknown): Promise<unknown> {
    const result = await dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  }

  const firstPage = (query: QueueQuery) => () => call('queue:page', { query, after: null, offset: 0, limit: PAGE });
  const byReceived = (filters: Partial<QueueFilters>): QueueQuery => ({
    filters: filtersWith(filters),
    sort: DEFAULT_SORT,
  });

  const COMMON_WORD = 'support';
  const RARE_WORD = 'quixotic';

  const cases: [string, () => Promise<unknown>][] = [
    ...BUILT_IN_VIEWS.map((view): [string, () => Promise<unknown>] => [`queue.view.${view.id}`, firstPage(view.query)]),
    ...(
      [
        ['metric', { metric: ['csat'] }],
        ['band', { band: ['negative'] }],
        ['score_range', { scoreMin: 0, scoreMax: 3 }],
        ['product', { product: ['API'] }],
        ['company', { company: ['Acme 3 GmbH'] }],
        ['country', { country: ['PT'] }],
        ['channel', { channel: ['email'] }],
        ['language', { language: ['pl'] }],
        ['status', { status: ['waiting'] }],
        ['assignee_me', { assignee: ['me'] }],
        ['assignee_unassigned', { assignee: ['unassigned'] }],
        ['has_comment', { hasComment: true }],
        ['date_range', { received: { from: bench.now - 30 * 86_400_000, to: bench.now - 7 * 86_400_000 } }],
        ['overdue', { overdue: true }],
        ['tags', { tags: ['vip'] }],
      ] as const
    ).map(([name, filters]): [string, () => Promise<unknown>] => [
      `queue.filter.${name}`,
      firstPage(byReceived(filters as Partial<QueueFilters>)),
    ]),
    ['queue.filter.three_combined', firstPage(byReceived({ band: ['negative'], channel: ['web'], country: ['DE'] }))],
    ...SORT_COLUMNS.flatMap((column) =>
      (['asc', 'desc'] as const).map((direction): [string, () => Promise<unknown>] => [
        `queue.sort.${column}.${direction}`,
        firstPage({ filters: filtersWith({}), sort: { column, direction } }),
      ]),
    ),
    ['queue.search.common_word', firstPage(byReceived({ search: COMMON_WORD }))],
    ['queue.search.rare_word', firstPage(byReceived({ search: RARE_WORD }))],
  ];

  async function time(run: () => Promise<unknown>): Promise<number> {
    const started = performance.now();
    await run();
    return performance.now() - started;
  }

  const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  for (let round_ = 0; round_ < WARMUP_ROUNDS + ROUNDS; round_ += 1) {
    for (const [name, run] of cases) {
      const ms = await time(run);
      if (round_ >= WARMUP_ROUNDS) samples.get(name)?.push(ms);
    }
  }

  for (const [name, values] of samples) {
    report({ name: `${name}.p50`, value: round(percentile(values, 50)), unit: 'ms', target: '' });
    report({ name: `${name}.p95`, value: round(percentile(values, 95)), unit: 'ms', target: TARGET });
  }

  // For information: what the page does not wait for.
  const all = { filters: filtersWith({}), sort: DEFAULT_SORT };
  const searchCommon = byReceived({ search: COMMON_WORD });
  const searchRare = byReceived({ search: RARE_WORD });
  const info: [string, () => Promise<unknown>][] = [
    ['queue.info.count_all', () => call('queue:count', { query: all })],
    [
      'queue.info.count_three_combined',
      () => call('queue:count', { query: byReceived({ band: ['negative'], channel: ['web'], country: ['DE'] }) }),
    ],
    ['queue.info.view_badges', () => call('queue:view-counts', {})],
    [
      'queue.info.jump_to_row_500000',
      () => call('queue:page', { query: all, after: null, offset: 500_000, limit: PAGE }),
    ],
    [
      'queue.info.facets_all_13',
      async () => {
        for (const facet of FACETS) await call('queue:facet', { query: all, facet });
      },
    ],
    [
      'queue.info.facets_country_de_13',
      async () => {
        for (const facet of FACETS) await call('queue:facet', { query: byReceived({ country: ['DE'] }), facet });
      },
    ],
    ['queue.info.detail', () => call('queue:detail', { id: 'r_1' })],
  ];
  for (const [name, run] of info) {
    const values: number[] = [];
    for (let i = 0; i < 7; i += 1) values.push(await time(run));
    report({ name, value: round(percentile(values, 50)), unit: 'ms p50', target: '' });
  }
  const matches = async (query: QueueQuery): Promise<number> =>
    ((await call('queue:count', { query })) as { total: number }).total;
  log(
    `${RESPONSES.toLocaleString('en')} responses; "${COMMON_WORD}" matches ${(await matches(searchCommon)).toLocaleString('en')}, ` +
      `"${RARE_WORD}" ${(await matches(searchRare)).toLocaleString('en')}; signed in as ${SYNTHETIC_STAFF[2]?.name ?? ''}.`,
  );
  await client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
