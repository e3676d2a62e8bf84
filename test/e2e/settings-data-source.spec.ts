import { expect, test } from './support/fixtures.js';
import { seriousA11yViolations } from './support/axe.js';

// Demo mode is the default: a fresh profile syncs from the embedded reference server and
// says so. Settings → Data source signs in as someone else from the demo team, and refuses
// an API that does not answer, with a message, without leaving demo mode.
test('demo mode is the default and Settings can change who you are or where you sync from', async ({ app }) => {
  const statusBar = app.getByRole('contentinfo', { name: 'Status' });
  await expect(statusBar.getByText('Demo data')).toBeVisible({ timeout: 30_000 });
  await expect(statusBar).toContainText(/Synced/, { timeout: 60_000 });

  await app.getByRole('tab', { name: 'Settings' }).click();
  // A view that mounts after the sync finished still learns its latest status.
  await expect(app.getByRole('tabpanel').getByText(/Last synced/)).toBeVisible();
  const source = app.getByRole('region', { name: 'Data source' });
  await expect(source).toContainText('Agent');

  await source.getByRole('button', { name: /Demo: sign in as/ }).click();
  await app.getByRole('option', { name: /Manager/ }).click();
  await expect(source.getByText(/\(Manager\)/)).toBeVisible({ timeout: 20_000 });
  await expect(statusBar).toContainText('Maja Lindqvist');

  await source.getByLabel('API address').fill('http://127.0.0.1:9');
  await source.getByLabel('Access token').fill('ldk_not_a_real_token_0000');
  await source.getByRole('button', { name: 'Connect' }).click();
  await expect(source.getByRole('alert')).toContainText('Could not reach http://127.0.0.1:9');
  await expect(statusBar.getByText('Demo data')).toBeVisible();

  expect(await seriousA11yViolations(app)).toEqual([]);
});
