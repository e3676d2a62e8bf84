// The triage queue in a real browser on the demo data set, delivered as the app gets it:
// demo mode starts the embedded reference server and sync pulls its 20,000 responses.
// Filters with facet counts, search, the detail pane, the keyboard, saved views, columns,
// and rows arriving while the user works.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { seriousA11yViolations } from './support/axe.js';

const DEMO_RESPONSES = 20_000;

function grid(app: Page) {
  return app.getByRole('grid', { name: 'Responses' });
}

function filterMenu(app: Page, name: string) {
  return app.getByRole('toolbar', { name: 'Filters' }).getByRole('button', { name: new RegExp(`^${name}`) });
}

function activeRow(app: Page) {
  return grid(app).locator('[role="row"][data-active]');
}

/** The total in the queue header, as a number. */
async function shownTotal(app: Page): Promise<number> {
  const text = (await app.locator('.queue-count').textContent()) ?? '';
  return Number(/([\d,]+) response/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
}

/** Synced, the queue shows every demo response, and the facet counts are settled. */
async function synced(app: Page, total = DEMO_RESPONSES): Promise<void> {
  await expect(app.locator('.status-sync')).toHaveText(/^Synced/, { timeout: 60_000 });
  await expect.poll(() => shownTotal(app), { timeout: 15_000 }).toBe(total);
  await expect(grid(app).getByRole('row').nth(1)).not.toHaveClass(/is-loading/);
  await expect(app.getByRole('toolbar', { name: 'Filters' })).toHaveAttribute('data-counting', 'false', {
    timeout: 20_000,
  });
}

test.describe('triage queue', () => {
  test('lists the responses with their count, and each saved view with its badge', async ({ app }) => {
    await synced(app);
    const views = app.locator('.views-nav');
    await expect(views.getByRole('button', { name: /^All 20,000 responses$/ })).toBeVisible();
    const overdue = views.getByRole('button', { name: /^Overdue [\d,]+ responses$/ });
    const badge = Number((await overdue.locator('.view-badge').textContent())?.replace(/\D/g, ''));
    expect(badge).toBeGreaterThan(0);
    await overdue.click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Overdue');
    await expect.poll(() => shownTotal(app)).toBe(badge);
    await expect(grid(app).locator('.due-flag').first()).toHaveText('Overdue');
  });

  test('filters by a facet, showing each value with its count, and combines filters', async ({ app }) => {
    await synced(app);
    await filterMenu(app, 'Country').click();
    const dialog = app.getByRole('dialog', { name: 'Country filter' });
    await expect(dialog).toContainText(/Finland\s*[\d,]+/);
    const label = (await dialog.locator('.facet-option', { hasText: 'Finland' }).textContent()) ?? '';
    const expected = Number(/([\d,]+)$/.exec(label.trim())?.[1]?.replaceAll(',', ''));
    expect(expected).toBeGreaterThan(0);
    await app.getByRole('checkbox', { name: /^Finland/ }).check({ force: true });
    await app.keyboard.press('Escape');
    await expect(filterMenu(app, 'Country')).toHaveText(/Country: Finland/);
    await expect.poll(() => shownTotal(app)).toBe(expected);
    const countries = await grid(app).locator('.queue-body .col-country').allTextContents();
    expect(new Set(countries)).toEqual(new Set(['Finland']));

    // The band menu now counts Finnish responses only; choosing one narrows further.
    await filterMenu(app, 'Band').click();
    const bands = app.getByRole('dialog', { name: 'Band filter' });
    await expect(bands).toContainText(/Detractor[^\d]*[\d,]+/);
    const bandLabel = (await bands.locator('.facet-option', { hasText: 'Detractor' }).textContent()) ?? '';
    const detractors = Number(/([\d,]+)$/.exec(bandLabel.trim())?.[1]?.replaceAll(',', ''));
    await app.getByRole('checkbox', { name: /^Detractor/ }).check({ force: true });
    await app.keyboard.press('Escape');
    await expect.poll(() => shownTotal(app)).toBe(detractors);
    expect(detractors).toBeLessThan(expected);
    await app
      .getByRole('button', { name: /Clear filters/ })
      .first()
      .click();
    await expect.poll(() => shownTotal(app)).toBe(DEMO_RESPONSES);
  });

  test('searches comments whatever the accents, and highlights what matched', async ({ app }) => {
    await synced(app);
    await app.keyboard.press('/');
    const search = app.getByRole('textbox', { name: 'Search comments' });
    await expect(search).toBeFocused();
    await app.keyboard.type('hjalp');
    await expect.poll(() => shownTotal(app)).toBeLessThan(DEMO_RESPONSES);
    expect(await shownTotal(app)).toBeGreaterThan(0);
    const hits = await grid(app).locator('mark').allTextContents();
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toMatch(/^hjalp/);
    // Esc leaves the search box for the list (keeping the search), where j moves.
    await app.keyboard.press('Escape');
    await expect(search).toHaveValue('hjalp');
    await app.keyboard.press('j');
    await expect(activeRow(app)).toHaveAttribute('aria-rowindex', '3');
  });

  test('moves with j/k, opens with Enter, selects with x and goes back with Esc', async ({ app }) => {
    await synced(app);
    await grid(app).getByRole('row').nth(1).click();
    await app.keyboard.press('j');
    await app.keyboard.press('j');
    await app.keyboard.press('k');
    await expect(activeRow(app)).toHaveAttribute('aria-rowindex', '3');
    await expect(activeRow(app)).toBeFocused();

    await app.keyboard.press('x');
    await expect(activeRow(app)).toHaveAttribute('aria-selected', 'true');
    await expect(app.getByText('1 selected')).toBeVisible();

    await app.keyboard.press('Enter');
    const pane = app.getByRole('complementary').filter({ has: app.locator('#detail-title') });
    await expect(pane.getByRole('heading', { name: 'Comment' })).toBeVisible();
    const opened = await activeRow(app).getAttribute('data-row-id');
    await app.keyboard.press('j');
    await expect(activeRow(app)).toHaveAttribute('aria-rowindex', '4');
    await expect(activeRow(app)).not.toHaveAttribute('data-row-id', opened ?? '');
    await expect(pane.getByRole('heading', { name: 'Comment' })).toBeVisible();

    await app.keyboard.press('Escape');
    await expect(pane).toHaveCount(0);
    await expect(activeRow(app)).toBeFocused();
    await app.keyboard.press('Escape');
    await expect(app.getByText('1 selected')).toHaveCount(0);

    await app.keyboard.press('?');
    await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
      'Mark done, inform the respondent',
    );
    await app.keyboard.press('Escape');
    await app.keyboard.press('a');
    await expect(app.getByRole('dialog', { name: /^Assign/ })).toBeVisible();
    await app.keyboard.press('Escape');
  });

  test('shows why a respondent may not be contacted', async ({ app }) => {
    await synced(app);
    await grid(app).getByRole('row').nth(1).click();
    await app.keyboard.press('Enter');
    const banner = app.getByRole('note').filter({ hasText: 'Not contactable' });
    // A few respondents in a hundred objected, restricted processing or left no address.
    for (let i = 0; i < 200 && (await banner.count()) === 0; i += 1) {
      await app.keyboard.press('j');
      await expect(app.locator('.detail-pane[aria-busy]')).toHaveCount(0);
    }
    await expect(banner).toContainText(/objected|restricted|No e-mail address or phone number|erased/);

    // The contact dialog refuses too, with the focus on its one way out.
    await app.keyboard.press('c');
    const contact = app.getByRole('dialog', { name: 'Log contact' });
    await expect(contact.getByRole('note')).toContainText('Not contactable');
    await expect(contact.getByRole('button', { name: 'Close' })).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(contact).toHaveCount(0);
  });

  test('never opens a link by itself', async ({ app }) => {
    await synced(app);
    await filterMenu(app, 'Channel').click();
    await app.getByRole('checkbox', { name: /^Web/ }).check({ force: true });
    await app.keyboard.press('Escape');
    await expect.poll(() => shownTotal(app)).toBeLessThan(DEMO_RESPONSES);
    await grid(app).getByRole('row').nth(1).dblclick();
    const link = app.getByRole('button', { name: /^Link: https:\/\// });
    await link.first().click();
    const confirm = app.getByRole('alertdialog', { name: 'Open this link?' });
    await expect(confirm).toContainText(/https:\/\/app\.example\.com\//);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    expect(app.context().pages()).toHaveLength(1);
  });

  test('saves the filters on screen as a view with its own badge, and deletes it', async ({ app }) => {
    await synced(app);
    await filterMenu(app, 'Metric').click();
    await app.getByRole('checkbox', { name: /^CES/ }).check({ force: true });
    await app.keyboard.press('Escape');
    await expect.poll(() => shownTotal(app)).toBeLessThan(DEMO_RESPONSES);
    const total = await shownTotal(app);
    await app.getByRole('button', { name: 'Save view' }).click();
    await app.getByRole('textbox', { name: 'Name' }).fill('Effort scores');
    await app.getByRole('button', { name: 'Save as new view' }).click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Effort scores');
    const nav = app.locator('.views-nav');
    await expect(
      nav.getByRole('button', { name: `Effort scores ${total.toLocaleString('en')} responses` }),
    ).toBeVisible();
    await app.getByRole('button', { name: 'Delete view' }).click();
    await app.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(nav.getByRole('button', { name: /^Effort scores/ })).toHaveCount(0);
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('All');
  });

  test('remembers hidden columns', async ({ app }) => {
    await synced(app);
    await app.getByRole('button', { name: 'Columns' }).click();
    await app.getByRole('checkbox', { name: 'Product' }).uncheck({ force: true });
    await app.keyboard.press('Escape');
    await expect(grid(app).getByRole('columnheader', { name: /Product/ })).toHaveCount(0);
    await app.waitForTimeout(600);
    await app.reload();
    await synced(app);
    await expect(grid(app).getByRole('columnheader', { name: /Company/ })).toBeVisible();
    await expect(grid(app).getByRole('columnheader', { name: /Product/ })).toHaveCount(0);
  });

  test('loads the rows wherever the user scrolls, however far from the active row', async ({ app }) => {
    await synced(app);
    // The active row stays mounted at the top; 5,000 rows down is 50 pages away from it.
    await grid(app).evaluate((element) => {
      element.scrollTop = 5_000 * 32;
    });
    await expect(grid(app).locator('.queue-body [aria-rowindex="5002"]')).not.toHaveClass(/is-loading/);
    expect(await activeRow(app).getAttribute('aria-rowindex')).toBe('2');
  });

  test('sorts by a column in SQL order', async ({ app }) => {
    await synced(app);
    await grid(app).getByRole('button', { name: 'Score' }).click();
    await expect(grid(app).getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'ascending');
    const scores = await grid(app).locator('.queue-body .score-value').allTextContents();
    // Worst first across metrics: the lowest score of every scale comes first.
    expect(scores.slice(0, 5).every((s) => Number(s) <= 1)).toBe(true);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no serious accessibility violations in the queue and the detail pane (${scheme})`, async ({ app }) => {
      await app.emulateMedia({ colorScheme: scheme });
      await synced(app);
      expect(await seriousA11yViolations(app)).toEqual([]);
      await grid(app).getByRole('row').nth(1).click();
      await app.keyboard.press('Enter');
      await expect(app.locator('#detail-title')).toBeVisible();
      expect(await seriousA11yViolations(app)).toEqual([]);
    });
  }
});

test.describe('triage queue while sync brings rows', () => {
  // A larger demo data set, so that the bootstrap lasts long enough to work during it.
  test.use({ hostEnv: { LOOPDESK_DEMO_RESPONSES: '60000' } });

  test('new rows arrive without moving the row the user is on', async ({ app }) => {
    await expect.poll(() => shownTotal(app), { timeout: 60_000 }).toBeGreaterThan(200);
    await expect(app.locator('.status-sync')).not.toHaveText(/^Synced/);
    await grid(app).getByRole('row').nth(1).click();
    for (let i = 0; i < 12; i += 1) await app.keyboard.press('j');
    const row = activeRow(app);
    const id = await row.getAttribute('data-row-id');
    const before = await row.boundingBox();
    const totalBefore = await shownTotal(app);
    // The bootstrap pulls older pages first, so later pages add rows above this one.
    await expect(app.locator('.status-sync')).toHaveText(/^Synced/, { timeout: 90_000 });
    await expect.poll(() => shownTotal(app), { timeout: 15_000 }).toBe(60_000);
    expect(totalBefore).toBeLessThan(60_000);
    await expect(activeRow(app)).toHaveAttribute('data-row-id', id ?? '');
    await expect(activeRow(app)).toBeFocused();
    const after = await activeRow(app).boundingBox();
    expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeLessThanOrEqual(1);
    expect(Number(await activeRow(app).getAttribute('aria-rowindex'))).toBeGreaterThan(14);
  });
});
