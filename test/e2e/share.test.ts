import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupBrowser, signInAs } from '@/test/helpers/browser';
import { parseFeed } from '@/test/helpers/feeds';

const browser = setupBrowser();

async function openShareDialog(page: Page) {
  await page.goto('/teams/engineering');
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Share externally/ }).click();
  return page.getByRole('dialog', { name: 'Share Engineering outside TeamCal' });
}

describe('sharing a team calendar outside TeamCal', () => {
  it('a manager creates a public link after a plain warning, and the link serves the calendar', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.70' });
    await signInAs(page, 'camille@example.com');
    const dialog = await openShareDialog(page);
    const form = dialog.getByRole('form', { name: 'New public link' });
    expect(await form.getByRole('note').innerText()).toContain(
      'Anyone who obtains a public link can read this calendar',
    );
    // The mileage app reads event locations: standard privacy, team events only.
    await form.getByLabel('Label (who or what it is for)').fill('Mileage app');
    await form.getByRole('radio', { name: /^Names and types/ }).check();
    for (const box of await form
      .getByRole('group', { name: 'Types of absence' })
      .getByRole('checkbox')
      .all())
      await box.uncheck();
    await form.getByRole('button', { name: 'Create public link' }).click();
    const address = await dialog.getByLabel('Your calendar address').inputValue();
    expect(address).toMatch(/\/api\/ics\/tcal_[0-9A-Za-z]+\.ics$/);

    const feed = parseFeed(await (await fetch(address)).text());
    expect(feed.events.length).toBeGreaterThan(0);
    expect(feed.events.every((e) => e.uid.startsWith('event-'))).toBe(true);
    expect(feed.events.some((e) => e.location?.includes('Paris'))).toBe(true);

    await page.reload();
    const again = await openShareDialog(page);
    await again.getByRole('listitem').filter({ hasText: 'Mileage app' }).first().waitFor();
  });

  it('a guest completes the setup and reads the calendar with their email and password', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.71' });
    await signInAs(page, 'camille@example.com');
    const dialog = await openShareDialog(page);
    await dialog.getByRole('tab', { name: 'Guest with a password' }).click();
    const form = dialog.getByRole('form', { name: 'New guest share' });
    await form.getByLabel('Guest’s email').fill('auditor@partner.example');
    await form.getByLabel('Label (e.g. their company)').fill('Partner audit');
    await form.getByRole('button', { name: 'Create guest share' }).click();
    const setupUrl = await dialog.getByLabel(/^Setup link/).inputValue();
    expect(setupUrl).toMatch(/\/guest\/[A-Za-z0-9_-]{43}$/);

    const guest = await browser.newPage({ clientAddress: '198.51.100.72' });
    await guest.goto(setupUrl);
    await guest.getByRole('heading', { name: '“Engineering” is shared with you' }).waitFor();
    await guest.getByLabel('Password', { exact: true }).fill('partner password 1');
    await guest.getByLabel('Password again').fill('partner password 2');
    await guest.getByRole('button', { name: 'Set password' }).click();
    await guest.getByText('The two passwords differ: type the same one twice.').waitFor();
    await guest.getByLabel('Password', { exact: true }).fill('partner password 1');
    await guest.getByLabel('Password again').fill('partner password 1');
    await guest.getByRole('button', { name: 'Set password' }).click();
    const feedUrl = await guest.getByLabel('Calendar address').inputValue();

    expect((await fetch(feedUrl)).status).toBe(401);
    const authorization = `Basic ${Buffer.from('auditor@partner.example:partner password 1').toString('base64')}`;
    const response = await fetch(feedUrl, { headers: { authorization } });
    expect(response.status).toBe(200);
    expect(parseFeed(await response.text()).events.length).toBeGreaterThan(5);

    // The setup link works once.
    await guest.goto(setupUrl);
    await guest.getByRole('heading', { name: 'This setup link no longer works' }).waitFor();
  });

  it('a member has no Share externally in the Calendar menu', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.73' });
    await signInAs(page, 'hugo@example.com');
    await page.goto('/teams/engineering');
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Subscribe/ }).waitFor();
    expect(await page.getByRole('menuitem', { name: /^Share externally/ }).count()).toBe(0);
  });
});
