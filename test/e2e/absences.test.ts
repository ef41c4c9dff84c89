import { describe, expect, it } from 'vitest';
import { setupBrowser, signInAs } from '@/test/helpers/browser';
import { holidayFreeMondayAfter } from '@/test/helpers/dates';

const browser = setupBrowser();
// Far enough ahead to miss the demo data, within the two-year window.
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('my absences', () => {
  it('an invalid request shows its error next to the field and keeps what was typed', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.30' });
    await signInAs(page, 'noah@example.com');
    await page.getByRole('link', { name: 'My absences' }).click();
    await page.getByRole('heading', { name: 'Request an absence' }).waitFor();
    await page.getByLabel('Type').selectOption({ label: 'Vacation (needs approval)' });
    await page.getByLabel('First day', { exact: true }).fill(inDays(560));
    await page.getByLabel('Last day', { exact: true }).fill(inDays(555));
    await page.getByLabel('Note').fill('Trip to Lisbon');
    await page.getByRole('button', { name: 'Request absence' }).click();

    const error = page.locator('#endDate-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('The last day cannot be before the first day.');
    expect(
      await page.getByLabel('Last day', { exact: true }).getAttribute('aria-describedby'),
    ).toBe('endDate-error');
    expect(await page.getByLabel('First day', { exact: true }).inputValue()).toBe(inDays(560));
    expect(await page.getByLabel('Note').inputValue()).toBe('Trip to Lisbon');
  });

  it('a member requests leave, sees it pending with its working days, and cancels it', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.31' });
    await signInAs(page, 'manon@example.com');
    await page.goto('/absences');
    // A Monday-to-Friday week well ahead, without a public holiday: five working days.
    const start = new Date(`${holidayFreeMondayAfter(600)}T00:00:00Z`);
    const monday = start.toISOString().slice(0, 10);
    const friday = new Date(start.getTime() + 4 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Type').selectOption({ label: 'Vacation (needs approval)' });
    await page.getByLabel('First day', { exact: true }).fill(monday);
    await page.getByLabel('Last day', { exact: true }).fill(friday);
    await page.getByRole('button', { name: 'Request absence' }).click();
    await page
      .getByRole('status')
      .getByText('Request sent: your manager will approve it.')
      .waitFor();

    await page.goto(`/absences?year=${monday.slice(0, 4)}`);
    const row = page
      .getByRole('row', { name: /Vacation/ })
      .filter({ hasText: 'pending' })
      .last();
    expect(await row.getByRole('cell').nth(2).innerText()).toBe('5');
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: /^Cancel Vacation/ }).click();
    await page
      .getByRole('row', { name: /Vacation/ })
      .filter({ hasText: 'cancelled' })
      .last()
      .waitFor();
  });
});
