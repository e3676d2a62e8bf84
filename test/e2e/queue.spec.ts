// The triage queue in a real browser, on a seeded cache of 3,000 synthetic responses:
// filters with facet counts, search, the detail pane, the keyboard, saved views, columns.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { seriousA11yViolations } from './support/axe.js';

test.use({ seed: { responses: 3000 } });

function grid(app: Page) {
  return app.getByRole('grid', { name: 'Responses' });
}

function filterMenu(app: Page, name: string) {
  return app.getByRole('toolbar', { name: 'Filters' }).getByRole('button', { name: new RegExp(`^${name}`) });
}

/** The total in the queue header, as a number. */
async function shownTotal(app: Page): Promise<number> {
  const text = (await app.locator('.queue-count').textContent()) ?? '';
  return Number(/([\d,]+) response/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
}

async function ready(app: Page): Promise<void> {
  await expect(app.locator('.queue-count')).toHaveText(/3,000 responses/);
  await expect(grid(app).getByRole('row').nth(1)).not.toHaveClass(/is-loading/);
}

test.describe('triage queue', () => {
  test('lists the responses with their count, and each saved view with its badge', async ({ app }) => {
    await ready(app);
    const views = app.getByRole('region', { name: 'Views' }).or(app.locator('.views-nav'));
    await expect(views.getByRole('button', { name: /^All 3,000 responses$/ })).toBeVisible();
    const overdue = views.getByRole('button', { name: /^Overdue [\d,]+ responses$/ });
    const badge = Number((await overdue.locator('.view-badge').textContent())?.replace(/\D/g, ''));
    await overdue.click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Overdue');
    await expect.poll(() => shownTotal(app)).toBe(badge);
    await expect(grid(app).locator('.due-flag').first()).toHaveText('Overdue');
  });

  test('filters by a facet, showing each value with its count', async ({ app }) => {
    await ready(app);
    await filterMenu(app, 'Country').click();
    const germany = app.getByRole('checkbox', { name: /^Germany/ });
    await expect(app.getByRole('dialog', { name: 'Country filter' })).toContainText(/Germany\s*[\d,]+/);
    const label = (await app.locator('.facet-option', { hasText: 'Germany' }).textContent()) ?? '';
    const expected = Number(/([\d,]+)$/.exec(label.trim())?.[1]?.replaceAll(',', ''));
    expect(expected).toBeGreaterThan(0);
    await germany.check({ force: true });
    await app.keyboard.press('Escape');
    await expect(filterMenu(app, 'Country')).toHaveText(/Country: Germany/);
    await expect.poll(() => shownTotal(app)).toBe(expected);
    const countries = await grid(app).locator('.queue-row:not(.queue-header-row) .col-country').allTextContents();
    expect(new Set(countries)).toEqual(new Set(['Germany']));

    // Filters combine: the band menu now counts German responses only.
    await filterMenu(app, 'Band').click();
    await expect(app.getByRole('dialog', { name: 'Band filter' })).toContainText(/Detractor[^\d]*[\d,]+/);
    await app.getByRole('checkbox', { name: /^Detractor/ }).check({ force: true });
    await app.keyboard.press('Escape');
    await expect.poll(() => shownTotal(app)).toBeLessThan(expected);
    await app
      .getByRole('button', { name: /Clear filters/ })
      .first()
      .click();
    await expect.poll(() => shownTotal(app)).toBe(3000);
  });

  test('searches comments whatever the accents, and highlights what matched', async ({ app }) => {
    await ready(app);
    await app.keyboard.press('/');
    await expect(app.getByRole('textbox', { name: 'Search comments' })).toBeFocused();
    await app.keyboard.type('equipe');
    await expect.poll(() => shownTotal(app)).toBeLessThan(3000);
    expect(await shownTotal(app)).toBeGreaterThan(0);
    const hits = await grid(app).locator('mark').allTextContents();
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toMatch(/^equipe/);
    // Esc leaves the search box for the list, where j moves.
    await app.keyboard.press('Escape');
    await app.keyboard.press('j');
    await expect(grid(app).locator('[role="row"][data-active]')).toHaveAttribute('aria-rowindex', '3');
  });

  test('moves with j/k, opens with Enter, selects with x and goes back with Esc', async ({ app }) => {
    await ready(app);
    await grid(app).getByRole('row').nth(1).click();
    await app.keyboard.press('j');
    await app.keyboard.press('j');
    await app.keyboard.press('k');
    const active = grid(app).locator('[role="row"][data-active]');
    await expect(active).toHaveAttribute('aria-rowindex', '3');
    await expect(active).toBeFocused();

    await app.keyboard.press('x');
    await expect(active).toHaveAttribute('aria-selected', 'true');
    await expect(app.getByText('1 selected')).toBeVisible();

    await app.keyboard.press('Enter');
    const pane = app.getByRole('complementary').filter({ has: app.locator('#detail-title') });
    await expect(pane.getByRole('heading', { name: 'Comment' })).toBeVisible();
    const first = await pane.locator('#detail-title').textContent();
    await app.keyboard.press('j');
    await expect(grid(app).locator('[role="row"][data-active]')).toHaveAttribute('aria-rowindex', '4');
    await expect(pane.locator('.detail-score')).toBeVisible();
    expect(first).not.toBeNull();

    await app.keyboard.press('Escape');
    await expect(pane).toHaveCount(0);
    await expect(grid(app).locator('[role="row"][data-active]')).toBeFocused();
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
    await ready(app);
    await grid(app).getByRole('row').nth(1).click();
    await app.keyboard.press('Enter');
    const banner = app.getByRole('note').filter({ hasText: 'Not contactable' });
    // About one respondent in eight cannot be contacted; walk down until one shows.
    for (let i = 0; i < 60 && (await banner.count()) === 0; i += 1) {
      await app.keyboard.press('j');
      await expect(app.locator('.detail-pane[aria-busy]')).toHaveCount(0);
    }
    await expect(banner).toContainText(/objected|restricted|No e-mail address or phone number|erased/);
  });

  test('never opens a link in a comment by itself', async ({ app }) => {
    await ready(app);
    await app.getByRole('textbox', { name: 'Search comments' }).fill('incidents');
    await expect.poll(() => shownTotal(app)).toBeLessThan(3000);
    expect(await shownTotal(app)).toBeGreaterThan(0);
    await grid(app).getByRole('row').nth(1).dblclick();
    const link = app.getByRole('button', { name: /^Link: https:\/\/status\.example\.com/ });
    await link.click();
    const confirm = app.getByRole('alertdialog', { name: 'Open this link?' });
    await expect(confirm).toContainText('https://status.example.com/incidents/42');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    expect(app.context().pages()).toHaveLength(1);
  });

  test('remembers hidden columns', async ({ app }) => {
    await ready(app);
    await app.getByRole('button', { name: 'Columns' }).click();
    await app.getByRole('checkbox', { name: 'Product' }).uncheck({ force: true });
    await app.keyboard.press('Escape');
    await expect(grid(app).getByRole('columnheader', { name: /Product/ })).toHaveCount(0);
    await app.waitForTimeout(600);
    await app.reload();
    await ready(app);
    await expect(grid(app).getByRole('columnheader', { name: /Company/ })).toBeVisible();
    await expect(grid(app).getByRole('columnheader', { name: /Product/ })).toHaveCount(0);
  });

  test('sorts by a column in SQL order', async ({ app }) => {
    await ready(app);
    await grid(app).getByRole('button', { name: 'Score' }).click();
    await expect(grid(app).getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'ascending');
    const scores = await grid(app).locator('.queue-body .score-value').allTextContents();
    // Worst first across metrics: the lowest scores of every scale come first.
    expect(scores.slice(0, 5).every((s) => Number(s) <= 1)).toBe(true);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no serious accessibility violations in the queue and the detail pane (${scheme})`, async ({ app }) => {
      await app.emulateMedia({ colorScheme: scheme });
      await ready(app);
      expect(await seriousA11yViolations(app)).toEqual([]);
      await grid(app).getByRole('row').nth(1).click();
      await app.keyboard.press('Enter');
      await expect(app.locator('#detail-title')).toBeVisible();
      expect(await seriousA11yViolations(app)).toEqual([]);
    });
  }
});
