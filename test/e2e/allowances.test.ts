import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/i18n/format';
import { BROWSER_LOCALE, setupBrowser, signInAs } from '@/test/helpers/browser';

const browser = setupBrowser();

// Years far ahead of today, where the demo has no allowance and no absence: the carried days
// come from the year before, whole, and their expiry has not passed.
const year = new Date().getUTCFullYear() + 40;

async function openPerson(admin: Page, name: string) {
  await admin.goto(`/admin/users?q=${encodeURIComponent(name)}`);
  await admin.getByRole('link', { name, exact: true }).click();
  await admin.getByRole('heading', { name: 'Allowances' }).waitFor();
}

describe('allowances', () => {
  it('an admin sets a person’s allowance with carry-over, and My absences counts the carried days', async () => {
    const admin = await browser.newPage({ clientAddress: '198.51.100.241' });
    await signInAs(admin, 'admin@example.com');
    await openPerson(admin, 'Sofia Miller');
    const form = admin.getByRole('form', { name: 'Allowance of Sofia Miller' });

    // A wrong value is explained at its field, and nothing typed is lost.
    await form.getByLabel('Year', { exact: true }).fill(String(year - 1));
    await form.getByLabel('Days', { exact: true }).fill('400');
    await form.getByRole('button', { name: 'Save allowance' }).click();
    await form.getByText('Enter at most 366 days.').waitFor();
    expect(await form.getByLabel('Year', { exact: true }).inputValue()).toBe(String(year - 1));

    // The form starts from this year's values (the demo's carry-over): none for that year.
    await form.getByLabel('Days', { exact: true }).fill('20');
    await form.getByLabel('Days that may carry over from the year before').fill('0');
    await form.getByLabel('Carried days lapse after').fill('');
    await form.getByRole('button', { name: 'Save allowance' }).click();
    await form
      .getByRole('status')
      .getByText(`Saved: 20 days in ${year - 1}, nothing carried over.`)
      .waitFor();

    await form.getByLabel('Year', { exact: true }).fill(String(year));
    await form.getByLabel('Days', { exact: true }).fill('25');
    await form.getByLabel('Days that may carry over from the year before').fill('5');
    await form.getByLabel('Carried days lapse after').fill(`${year}-03-31`);
    await form.getByRole('button', { name: 'Save allowance' }).click();
    const expiry = formatDate(`${year}-03-31`, BROWSER_LOCALE);
    await form
      .getByRole('status')
      .getByText(
        `Saved: 25 days in ${year}, up to 5 carried over from ${year - 1} until ${expiry}.`,
      )
      .waitFor();
    // 20 unused days in the year before; 5 of them carry over.
    const row = admin.getByRole('row', { name: new RegExp(`^${year} `) });
    expect((await row.locator('th, td').allInnerTexts()).slice(0, 6)).toEqual([
      String(year),
      '25',
      '5',
      expiry,
      '5',
      '30',
    ]);

    const sofia = await browser.newPage({ clientAddress: '198.51.100.242' });
    await signInAs(sofia, 'sofia@example.com');
    await sofia.goto(`/absences?year=${year}`);
    const daysLeft = sofia.getByRole('definition').filter({ hasText: /^30$/ });
    await daysLeft.waitFor();
    await sofia
      .getByText(`incl. 5 days carried over from ${year - 1}, usable until ${expiry}`)
      .waitFor();
  });

  it('an admin sets a year’s allowances for every member of a team at once', async () => {
    const later = year + 5;
    const admin = await browser.newPage({ clientAddress: '198.51.100.243' });
    await signInAs(admin, 'admin@example.com');
    await admin.goto(`/admin/teams/sales?year=${later}`);
    await admin.getByRole('heading', { name: `Set allowances for ${later}` }).waitFor();
    const form = admin.getByRole('form', { name: `Allowances of Sales for ${later}` });
    await form.getByLabel('Days', { exact: true }).fill('24');
    await form.getByLabel(`Days that may carry over from ${later - 1}`).fill('3');
    await form.getByLabel('Carried days lapse after').fill(`${later - 1}-03-31`);
    admin.once('dialog', (dialog) => void dialog.accept());
    await form.getByRole('button', { name: /^Set for \d+ members$/ }).click();
    await form.getByText(`Choose a date in ${later}, like 31 March ${later}.`).waitFor();

    await form.getByLabel('Carried days lapse after').fill(`${later}-03-31`);
    admin.once('dialog', (dialog) => void dialog.accept());
    await form.getByRole('button', { name: /^Set for \d+ members$/ }).click();
    const done = form
      .getByRole('status')
      .getByText(
        new RegExp(
          `^Set for \\d+ members of Sales: 24 days in ${later}, up to 3 carried over from ${later - 1} until 31 Mar ${later}\\.$`,
        ),
      );
    await done.waitFor();

    await openPerson(admin, 'Liam Garcia');
    const row = admin.getByRole('row', { name: new RegExp(`^${later} `) });
    expect((await row.locator('th, td').allInnerTexts()).slice(0, 4)).toEqual([
      String(later),
      '24',
      '3',
      formatDate(`${later}-03-31`, BROWSER_LOCALE),
    ]);
  });
});
