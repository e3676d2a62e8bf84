import { expect, test } from './support/fixtures.js';
import { seriousA11yViolations } from './support/axe.js';

test.describe('app shell', () => {
  test('renders navigation, status bar and app info', async ({ app }) => {
    const sections = app.getByRole('tablist', { name: 'Sections' });
    await expect(sections.getByRole('tab')).toHaveText(['Queue', 'Follow-ups', 'Team', 'Settings']);
    await expect(app.getByRole('tab', { name: 'Queue' })).toHaveAttribute('aria-selected', 'true');
    await expect(app.getByRole('contentinfo', { name: 'Status' })).toContainText(/Loopdesk \d+\.\d+\.\d+/);
  });

  test('sections can be reached from the keyboard', async ({ app }) => {
    await app.getByRole('tab', { name: 'Queue' }).focus();
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('ArrowDown');
    await expect(app.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
    await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(app.getByRole('tabpanel').getByText(/^(Browser mode|Desktop app)$/)).toBeVisible();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${scheme} theme`, () => {
      test.use({ colorScheme: scheme });

      test('follows the OS theme and has no serious accessibility violations', async ({ app }) => {
        await expect(app.getByRole('tab', { name: 'Queue' })).toBeVisible();
        const background = await app.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
        const luminance = (r + g + b) / 3;
        expect(scheme === 'dark' ? luminance < 60 : luminance > 200).toBe(true);
        expect(await seriousA11yViolations(app)).toEqual([]);
      });
    });
  }
});
