import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setupBrowser, signInAs } from '@/test/helpers/browser';
import { parseFeed } from '@/test/helpers/feeds';

const browser = setupBrowser();

describe('calendar subscriptions', () => {
  it('a member subscribes, the shown address serves the calendar, and invalidating it answers 410', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.60' });
    await signInAs(page, 'chloe@example.com');
    await page.goto('/teams/engineering');
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Subscribe/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to Engineering' });
    await dialog.getByRole('radio', { name: /^Names and types/ }).check();
    await dialog.getByRole('button', { name: 'Generate' }).click();

    const address = await dialog.getByLabel('Your calendar address').inputValue();
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/ics\/tcal_[0-9A-Za-z]{49}\.ics$/);
    const google = await dialog
      .getByRole('link', { name: 'Add to Google Calendar' })
      .getAttribute('href');
    expect(decodeURIComponent(new URL(google!).searchParams.get('cid')!)).toBe(
      address.replace('http://', 'webcal://'),
    );
    expect(
      await dialog
        .getByRole('img', { name: /QR code/ })
        .locator('svg')
        .count(),
    ).toBe(1);

    const response = await fetch(address);
    expect(response.status).toBe(200);
    const feed = parseFeed(await response.text());
    expect(feed.property('x-wr-calname')).toBe('Engineering – TeamCal');
    expect(feed.events.length).toBeGreaterThan(10);
    expect(
      feed.events.every((e) => !e.summary.includes('Sick leave') || e.summary.startsWith('Chloé')),
    ).toBe(true);

    // Closed and opened again, the dialog no longer shows the address, only its prefix.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Subscribe/ }).click();
    await expect(
      dialog.getByText(address.slice(address.indexOf('tcal_'), -4)).count(),
    ).resolves.toBe(0);
    await dialog
      .getByText(`${address.slice(address.indexOf('tcal_'), address.indexOf('tcal_') + 11)}…`)
      .waitFor();

    page.once('dialog', (confirm) => void confirm.accept());
    await dialog.getByRole('button', { name: 'Invalidate' }).click();
    await dialog.getByText(/Link invalidated/).waitFor();
    expect((await fetch(address)).status).toBe(410);
  });

  it('the dialog is a labelled modal that Escape closes, with focus inside it', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.61' });
    await signInAs(page, 'manon@example.com');
    await page.goto('/teams/engineering');
    const menu = page.getByRole('button', { name: 'Calendar', exact: true });
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('menuitem', { name: /^Subscribe/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to Engineering' });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('Export ICS downloads a file that parses', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.62' });
    await signInAs(page, 'camille@example.com');
    await page.goto('/teams/engineering');
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Export ICS/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Export Engineering' });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^engineering-\d{4}-\d{2}-\d{2}\.ics$/);
    const feed = parseFeed(fs.readFileSync((await file.path())!, 'utf8'));
    expect(feed.events.length).toBeGreaterThan(10);
    // The manager's own export names the sick leaves of the team.
    expect(feed.events.some((e) => e.summary.endsWith('Sick leave'))).toBe(true);
    await dialog
      .getByRole('status')
      .getByText(/^Downloaded engineering-/)
      .waitFor();
  });
});
