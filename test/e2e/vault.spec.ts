import { chromium } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { startBrowserModeHost } from './support/browser-mode.js';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium.js';
import { seriousA11yViolations } from './support/axe.js';

// Browser mode without LOOPDESK_PASSPHRASE: the user protects the cache with a passphrase
// before anything else is shown, and must enter it again after a restart.
test('a new browser-mode profile asks for a passphrase, then unlocks with it', async ({ shell }) => {
  test.skip(shell !== 'browser', 'Electron unlocks through the OS keychain where it really protects the key.');
  const host = await startBrowserModeHost({ LOOPDESK_PASSPHRASE: '' });
  let current = host;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Protect your local data' })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Passphrase', { exact: true }).fill('tangerine-otter-42');
    await page.getByLabel('Repeat passphrase').fill('tangerine-otter-41');
    await page.getByRole('button', { name: 'Create encrypted cache' }).click();
    await expect(page.getByRole('alert')).toHaveText('The two passphrases differ.');

    await page.getByLabel('Repeat passphrase').fill('tangerine-otter-42');
    await page.getByRole('button', { name: 'Create encrypted cache' }).click();
    await expect(page.getByRole('tab', { name: 'Queue' })).toBeVisible({ timeout: 20_000 });

    // A restarted host has a locked vault: a wrong passphrase is refused with a message.
    current = await host.restart();
    await page.goto(current.url);
    await expect(page.getByRole('heading', { name: 'Unlock Loopdesk' })).toBeVisible();
    await page.getByLabel('Passphrase').fill('wrong passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText(/passphrase/i);
    await page.getByLabel('Passphrase').fill('tangerine-otter-42');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('tab', { name: 'Queue' })).toBeVisible({ timeout: 20_000 });
  } finally {
    await browser.close();
    await current.stop();
  }
});
