// The Team view in a real browser on demo data (browser mode): a manager's figures equal an
// independent count in the demo server's own database; an agent sees only their own
// backlog; a number opens the queue on its rows; a CSV export parses back into the rows and
// columns asked for, and reaches the server's audit trail; no serious accessibility issue.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import Papa from 'papaparse';
import { chromium, type Browser, type Page } from '@playwright/test';
import { OPEN_STATUSES } from '../../common/domain/followup-status.js';
import { presetPeriods } from '../../common/team/period.js';
import { expect, test } from './support/fixtures.js';
import { seriousA11yViolations } from './support/axe.js';
import { startBrowserModeHost, type BrowserModeHost } from './support/browser-mode.js';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium.js';

const DEMO_RESPONSES = '4000';

interface Session {
  readonly host: BrowserModeHost;
  readonly browser: Browser;
  readonly page: Page;
  readonly errors: string[];
}

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<Session> {
  const host = await startBrowserModeHost({ LOOPDESK_DEMO_RESPONSES: DEMO_RESPONSES });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    colorScheme,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(host.url);
  await synced(page);
  return { host, browser, page, errors };
}

async function close(session: Session): Promise<void> {
  await session.browser.close();
  await session.host.stop();
  // A CSP violation or an uncaught error is a failure even when the screen looks right.
  expect(session.errors).toEqual([]);
}

async function synced(page: Page): Promise<void> {
  await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(/Synced/, { timeout: 90_000 });
}

async function signInAsManager(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Settings' }).click();
  const source = page.getByRole('region', { name: 'Data source' });
  await source.getByRole('button', { name: /Demo: sign in as/ }).click();
  await page.getByRole('option', { name: /Manager/ }).click();
  await expect(source.getByText(/\(Manager\)/)).toBeVisible({ timeout: 20_000 });
  await synced(page);
}

async function openTeam(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Team' }).click();
  await expect(page.locator('.backlog-table tbody tr').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.kpi-card').first()).toBeVisible();
}

/** The demo server's own database: the source of truth, read without any Loopdesk code. */
function serverDb(host: BrowserModeHost): Database.Database {
  return new Database(path.join(host.profileDir, 'demo-server.sqlite'), { readonly: true, fileMustExist: true });
}

const num = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));

/** The backlog table as { name → [assigned, in progress, waiting, new, open] }. */
async function backlogRows(page: Page): Promise<Map<string, number[]>> {
  const rows = new Map<string, number[]>();
  for (const row of await page.locator('.backlog-table tbody tr').all()) {
    const name = (await row.locator('.assignee-name').innerText()).trim();
    const cells = (await row.locator('td').allTextContents()).slice(0, 5).map(num);
    rows.set(name, cells);
  }
  return rows;
}

// eslint-disable-next-line no-empty-pattern -- Playwright wants its fixtures destructured, even none
test.beforeEach(({}, testInfo) => {
  testInfo.skip(testInfo.project.name !== 'browser', 'Reads the demo server’s database in the browser-mode profile.');
  testInfo.setTimeout(180_000);
});

test('a manager sees the whole team’s backlog and KPIs, equal to a count in the server’s database', async () => {
  const session = await open();
  const { page, host } = session;
  try {
    await signInAsManager(page);
    await openTeam(page);
    await expect(page.locator('.team-scope')).toHaveText('The whole team');

    const db = serverDb(host);
    const open = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
    const counts = db
      .prepare(
        `SELECT s.name AS name, f.status AS status, count(*) AS n FROM followups f JOIN staff s ON s.id = f.assignee_id
          WHERE f.status IN (${open}) GROUP BY s.name, f.status`,
      )
      .all() as { name: string; status: string; n: number }[];
    const unassigned = db
      .prepare(
        `SELECT count(*) FROM followups WHERE assignee_id IS NULL AND due_at IS NOT NULL AND status IN (${open})`,
      )
      .pluck()
      .get() as number;
    const { current } = presetPeriods('thisMonth', Date.now());
    const due = db
      .prepare('SELECT count(*) FROM followups WHERE due_at >= ? AND due_at < ?')
      .pluck()
      .get(new Date(current.from).toISOString(), new Date(current.to).toISOString()) as number;
    db.close();

    const expected = new Map<string, number[]>();
    for (const { name, status, n } of counts) {
      const row = expected.get(name) ?? [0, 0, 0, 0, 0];
      const column = ['assigned', 'in_progress', 'waiting', 'new'].indexOf(status);
      row[column] = (row[column] ?? 0) + n;
      row[4] = (row[4] ?? 0) + n;
      expected.set(name, row);
    }
    const shown = await backlogRows(page);
    for (const [name, row] of expected) expect({ name, row: shown.get(name) }).toEqual({ name, row });
    expect(shown.get('Unassigned')?.[4]).toBe(unassigned);
    // Every other row (staff without open follow-ups) shows zeros.
    for (const [name, row] of shown)
      if (!expected.has(name) && name !== 'Unassigned') expect(row).toEqual([0, 0, 0, 0, 0]);
    expect(shown.size).toBeGreaterThan(2);

    const dueCard = page.locator('.kpi-card').first().locator('.kpi-value');
    await expect(dueCard).toHaveText(due.toLocaleString('en'));
  } finally {
    await close(session);
  }
});

test('a backlog number opens the queue on exactly those rows', async () => {
  const session = await open();
  const { page } = session;
  try {
    await signInAsManager(page);
    await openTeam(page);
    const link = page.locator('.backlog-table .is-overdue .link-number').first();
    const count = num(await link.textContent());
    expect(count).toBeGreaterThan(0);
    await link.click();
    await expect(page.getByRole('tab', { name: 'Queue' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.queue-count')).toHaveText(new RegExp(`^${count.toLocaleString('en')} response`));
    // The unassigned row counts follow-ups with a due time: the queue shows that filter as a chip.
    await page.getByRole('tab', { name: 'Team' }).click();
    const unassignedOpen = page.locator('.backlog-table tbody tr:last-child td').nth(4).getByRole('button');
    const openCount = num(await unassignedOpen.textContent());
    await unassignedOpen.click();
    await expect(page.locator('.queue-count')).toHaveText(new RegExp(`^${openCount.toLocaleString('en')} response`));
    await expect(page.locator('.due-chip')).toContainText('Due: has a due time');
  } finally {
    await close(session);
  }
});

test('an agent sees their own figures, not other people’s backlog', async () => {
  const session = await open();
  const { page } = session;
  try {
    await openTeam(page);
    await expect(page.locator('.team-scope')).toHaveText(/^Your follow-ups/);
    const names = await page.locator('.backlog-table .assignee-name').allInnerTexts();
    expect(names).toHaveLength(2);
    expect(names[1]?.trim()).toBe('Unassigned');
    const me = (await page.locator('.status-me').textContent())?.trim();
    expect(names[0]?.trim()).toBe(me);
  } finally {
    await close(session);
  }
});

test('a CSV export of the queue’s filter parses back into its rows and columns, and is audited on the server', async () => {
  const session = await open();
  const { page, host } = session;
  try {
    await page.getByRole('button', { name: /^Unassigned detractors/ }).click();
    const total = num(await page.locator('.queue-count').textContent());
    expect(total).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export responses' });
    await dialog.getByRole('radio', { name: 'CSV' }).check({ force: true });
    const downloaded = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await (await downloaded).path();
    await expect(page.getByRole('heading', { name: 'Export complete' })).toBeVisible();

    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(header?.slice(0, 5)).toEqual(['Response id', 'Received', 'Metric', 'Score', 'Band']);
    expect(header).not.toContain('Respondent e-mail');
    expect(rows).toHaveLength(total);
    const band = header?.indexOf('Band') ?? -1;
    const assignee = header?.indexOf('Assignee') ?? -1;
    expect(new Set(rows.map((r) => r[band]))).toEqual(new Set(['negative']));
    expect(new Set(rows.map((r) => r[assignee]))).toEqual(new Set(['']));

    // The audit record reaches the server (sent right after the export).
    const db = serverDb(host);
    await expect
      .poll(() => db.prepare("SELECT count(*) FROM audit WHERE action = 'bulk_export'").pluck().get() as number, {
        timeout: 20_000,
      })
      .toBe(1);
    const details = JSON.parse(
      db.prepare("SELECT details FROM audit WHERE action = 'bulk_export'").pluck().get() as string,
    ) as { row_count: number; personal_data: boolean; filter: string[] };
    db.close();
    expect(details).toMatchObject({ row_count: total, personal_data: false });
    expect(details.filter).toContain('band = ["negative"]');
  } finally {
    await close(session);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the Team view has no serious accessibility violations (${scheme} theme)`, async () => {
    const session = await open(scheme);
    const { page } = session;
    try {
      await signInAsManager(page);
      await openTeam(page);
      await expect(page.locator('.chart canvas').first()).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('radio', { name: 'Table' }).first().click();
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await close(session);
    }
  });
}
