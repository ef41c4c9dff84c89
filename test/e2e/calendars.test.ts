import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupBrowser, signInAs } from '@/test/helpers/browser';
import { parseFeed } from '@/test/helpers/feeds';

// The calendars beyond a team's, as their users meet them in Chromium: a person's appointments
// published for a mileage app (seed 002), and a room booked by two members at once.

const browser = setupBrowser();
const DAY_MS = 86_400_000;

/** A Wednesday about `weeks` weeks ahead, 'YYYY-MM-DD' (a working day in every zone). */
function wednesdayIn(weeks: number): string {
  const day = new Date(Date.now() + weeks * 7 * DAY_MS);
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  return day.toISOString().slice(0, 10);
}

const unique = () => crypto.randomBytes(3).toString('hex');

async function openCalendarMenuItem(page: Page, item: RegExp) {
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await page.getByRole('button', { name: item }).click();
}

/** Creates a public link in the open share dialog and returns its address. */
async function createPublicLink(page: Page, dialogName: string, label: string, privacy: RegExp) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  const form = dialog.getByRole('form', { name: 'New public link' });
  await form.getByLabel('Label (who or what it is for)').fill(label);
  await form.getByRole('radio', { name: privacy }).check();
  await form.getByRole('button', { name: 'Create public link' }).click();
  return dialog.getByLabel('Your calendar address').inputValue();
}

describe('a person’s own calendar', () => {
  it('a member adds an appointment with an address, publishes a public link, and a mileage app reads the LOCATION', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.90' });
    await signInAs(page, 'noah@example.com');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My calendar' })
      .click();
    await page.getByRole('heading', { name: 'My calendar' }).waitFor();

    const day = wednesdayIn(3);
    const title = `Client visit ${unique()}`;
    const address = '35 Rue Joseph Monier, 92500 Rueil-Malmaison, France';
    await page.getByRole('button', { name: 'Add appointment' }).click();
    const form = page.getByRole('form', { name: 'Add an appointment' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Start date', { exact: true }).fill(day);
    await form.getByLabel('Start time', { exact: true }).fill('09:30');
    await form.getByLabel('End date', { exact: true }).fill(day);
    await form.getByLabel('End time', { exact: true }).fill('11:00');
    await form.getByLabel(/^Address/).fill(address);
    await form.getByLabel(/^Description/).fill('Door code 4521');
    await form.getByRole('button', { name: 'Save appointment' }).click();
    await page.getByText(`“${title}” added.`).waitFor();

    // Listed in the week and the month that hold it.
    await page.goto(`/calendar?view=week&at=${day}`);
    await page
      .getByRole('list', { name: /^Appointments, the week of/ })
      .getByText(title)
      .waitFor();
    await page.getByRole('link', { name: 'Month', exact: true }).click();
    await page
      .getByRole('list', { name: /^Appointments, / })
      .getByText(title)
      .waitFor();

    await openCalendarMenuItem(page, /^Share externally/);
    const feedUrl = await createPublicLink(
      page,
      'Share Noah Thomas outside TeamCal',
      'Mileage app',
      /^Standard/,
    );
    expect(feedUrl).toMatch(/\/api\/ics\/tcal_[0-9A-Za-z]+\.ics$/);

    // What the mileage app reads: the appointment with its address, without its description.
    const feed = parseFeed(await (await fetch(feedUrl)).text());
    const visit = feed.events.find((event) => event.summary === title);
    expect(visit?.location).toBe(address);
    expect(visit?.description ?? null).toBeNull();
    expect(visit?.start.toISOString().slice(0, 10)).toBe(day);
  });

  it('nobody else sees a person’s calendar: their manager and an admin get no appointment', async () => {
    const manager = await browser.newPage({ clientAddress: '198.51.100.91' });
    await signInAs(manager, 'camille@example.com');
    // Their own calendar only: there is no address for another person's.
    await manager.goto('/calendar');
    await manager.getByRole('heading', { name: 'My calendar' }).waitFor();
    expect(await manager.getByText('Client visit').count()).toBe(0);
    const response = await manager.request.get('/api/calendars/person/hugo/export');
    expect(response.status()).toBe(404);
  });
});
