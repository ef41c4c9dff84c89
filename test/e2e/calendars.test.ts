import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wednesdayAfter } from '@/test/helpers/dates';
import { setupBrowser, signInAs } from '@/test/helpers/browser';
import { parseFeed } from '@/test/helpers/feeds';

// The calendars beyond a team's, as their users meet them in Chromium: a person's appointments
// published for a mileage app (seed 002), and a room booked by two members at once.

const browser = setupBrowser();

/** A Wednesday about `weeks` weeks ahead, 'YYYY-MM-DD' (a working day in every zone). */
const wednesdayIn = (weeks: number) => wednesdayAfter(weeks * 7);

const unique = () => crypto.randomBytes(3).toString('hex');

async function openCalendarMenuItem(page: Page, item: RegExp) {
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
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
      'Share my calendar outside TeamCal',
      'Mileage app',
      /^Titles and places/,
    );
    expect(feedUrl).toMatch(/\/api\/ics\/tcal_[0-9A-Za-z]+\.ics$/);

    // What the mileage app reads: the appointment with its address, without its description.
    const feed = parseFeed(await (await fetch(feedUrl)).text());
    const visit = feed.events.find((event) => event.summary === title);
    expect(visit?.location).toBe(address);
    expect(visit?.description ?? null).toBeNull();
    expect(visit?.start.toISOString().slice(0, 10)).toBe(day);
  });

  it('nobody else sees a person’s calendar: neither their manager nor an admin', async () => {
    // Hugo's demo appointments include a visit to Michelin; only Hugo sees it.
    for (const [email, address] of [
      ['camille@example.com', '198.51.100.91'],
      ['admin@example.com', '198.51.100.96'],
    ]) {
      const page = await browser.newPage({ clientAddress: address });
      await signInAs(page, email!);
      await page.goto('/calendar?view=month');
      await page.getByRole('heading', { name: 'My calendar' }).waitFor();
      expect(await page.getByText('Michelin').count()).toBe(0);
      // There is no address for another person's calendar: only one's own, `person/me`.
      expect((await page.request.get('/api/calendars/person/hugo/export')).status()).toBe(404);
    }
    const hugo = await browser.newPage({ clientAddress: '198.51.100.97' });
    await signInAs(hugo, 'hugo@example.com');
    const own = await hugo.request.get('/api/calendars/person/me/export');
    expect(own.status()).toBe(200);
    expect(parseFeed(await own.text()).events.some((e) => e.summary.includes('Michelin'))).toBe(
      true,
    );
  });
});

/** Books the resource on its page; answers with the page's message. */
async function book(
  page: Page,
  slug: string,
  title: string,
  day: string,
  from: string,
  to: string,
) {
  await page.goto(`/resources/${slug}?week=${day}`);
  const form = page.getByRole('form', { name: /^Book / });
  await form.getByLabel('What for').fill(title);
  await form.getByLabel('Start date', { exact: true }).fill(day);
  await form.getByLabel('Start time', { exact: true }).fill(from);
  await form.getByLabel('End date', { exact: true }).fill(day);
  await form.getByLabel('End time', { exact: true }).fill(to);
  await form.getByRole('button', { name: 'Book' }).click();
  const answer = form.locator('[role="status"], [role="alert"]').first();
  await answer.waitFor();
  return answer.innerText();
}

describe('a room’s calendar', () => {
  it('an admin creates a room, two members book overlapping slots, the second is told who holds it and when it is free, and its manager shares it publicly', async () => {
    const suffix = unique();
    const name = `Salle Turing ${suffix}`;
    const slug = `salle-turing-${suffix}`;
    const admin = await browser.newPage({ clientAddress: '198.51.100.92' });
    await signInAs(admin, 'admin@example.com');
    await admin.goto('/admin/resources');
    const create = admin.getByRole('form', { name: 'Create a resource' });
    await create.getByLabel('Name', { exact: true }).fill(name);
    await create.getByLabel('Address', { exact: true }).fill(slug);
    await create.getByLabel('Kind').selectOption('room');
    await create.getByLabel('Location (optional)').fill('4th floor, 12 rue de la Paix, Paris');
    await create.getByLabel('Capacity (optional)').fill('6');
    await create.getByLabel('Managers (optional)').fill('camille@example.com');
    await create.getByRole('button', { name: 'Create resource' }).click();
    await admin.getByRole('status').getByText(`${name} created`).waitFor();

    const day = wednesdayIn(2);
    const [lea, noah] = await Promise.all([
      browser.newPage({ clientAddress: '198.51.100.93' }),
      browser.newPage({ clientAddress: '198.51.100.94' }),
    ]);
    await signInAs(lea, 'lea@example.com');
    await signInAs(noah, 'noah@example.com');
    expect(await book(lea, slug, 'Interview', day, '10:00', '11:00')).toBe('Booked: “Interview”.');
    const refusal = await book(noah, slug, 'One-to-one', day, '10:30', '11:30');
    expect(refusal).toContain(`${name} is already booked`);
    expect(refusal).toContain('Léa Dubois');
    expect(refusal).toContain('“Interview”');
    expect(refusal).toContain('The next free slot of that length starts');
    expect(refusal).toContain('11:00');
    // What was typed stays, to move it to the free slot.
    const form = noah.getByRole('form', { name: /^Book / });
    expect(await form.getByLabel('What for').inputValue()).toBe('One-to-one');
    await form.getByLabel('Start time', { exact: true }).fill('11:00');
    await form.getByLabel('End time', { exact: true }).fill('12:00');
    await form.getByRole('button', { name: 'Book' }).click();
    await noah.getByText('Booked: “One-to-one”.').waitFor();
    const week = noah.getByRole('region', { name: /^Week of/ });
    await week.getByText('Interview').waitFor();
    await week.getByText('One-to-one').waitFor();

    // Its manager publishes it for a screen outside the room.
    const camille = await browser.newPage({ clientAddress: '198.51.100.95' });
    await signInAs(camille, 'camille@example.com');
    await camille.goto(`/resources/${slug}`);
    await openCalendarMenuItem(camille, /^Share externally/);
    const feedUrl = await createPublicLink(
      camille,
      `Share ${name} outside TeamCal`,
      'Screen by the door',
      /^Titles only/,
    );
    const feed = parseFeed(await (await fetch(feedUrl)).text());
    const titles = feed.events.map((event) => event.summary).sort();
    expect(titles).toEqual(['Interview', 'One-to-one']);
    for (const event of feed.events) {
      expect(event.location).toBe(`${name}, 4th floor, 12 rue de la Paix, Paris`);
      expect(event.description ?? null).toBeNull();
    }

    // A member may subscribe but not share.
    await lea.goto(`/resources/${slug}`);
    await lea.getByRole('button', { name: 'Calendar', exact: true }).click();
    await lea.getByRole('menuitem', { name: /^Subscribe/ }).waitFor();
    expect(await lea.getByRole('menuitem', { name: /^Share externally/ }).count()).toBe(0);
  });
});
