import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/i18n/format';
import { setupBrowser, signInAs } from '@/test/helpers/browser';

const browser = setupBrowser();
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** How the list writes a timed event of one day, in en-GB (Intl's spaces included). */
const timedOn = (date: string, from: string, to: string) =>
  new RegExp(`${formatDate(date, 'en-GB')}, ${from}\\s*–\\s*${to}`);

describe('team events', () => {
  it('a manager adds a timed event with a location, edits it and cancels it', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.40' });
    await signInAs(page, 'camille@example.com');
    await page.goto('/teams/engineering');
    const title = `Design review ${crypto.randomBytes(3).toString('hex')}`;
    const day = inDays(30);

    await page.getByRole('button', { name: 'Add event' }).click();
    const addForm = page.getByRole('form', { name: 'Add an event' });
    await addForm.getByLabel('Title').fill(title);
    await addForm.getByLabel('Start date', { exact: true }).fill(day);
    await addForm.getByLabel('Start time', { exact: true }).fill('14:00');
    await addForm.getByLabel('End date', { exact: true }).fill(day);
    await addForm.getByLabel('End time', { exact: true }).fill('15:30');
    await addForm.getByLabel('Location (optional)').fill('4 Avenue des Louvresses, Gennevilliers');
    await addForm.getByLabel(/^Description/).fill('Bring the prototypes.');
    await addForm.getByRole('button', { name: 'Save event' }).click();

    await page.getByText(`“${title}” added.`).waitFor();
    const upcoming = page.getByRole('list', { name: 'Upcoming events' });
    const item = upcoming.getByRole('listitem').filter({ hasText: title });
    await item.waitFor();
    expect(await item.innerText()).toMatch(timedOn(day, '14:00', '15:30'));
    expect(await item.innerText()).toContain('4 Avenue des Louvresses, Gennevilliers');
    expect(await item.innerText()).toContain('Bring the prototypes.');

    await item.getByRole('button', { name: `Edit ${title}` }).click();
    const editForm = page.getByRole('form', { name: `Edit ${title}` });
    expect(await editForm.getByLabel('Title').inputValue()).toBe(title);
    expect(await editForm.getByLabel('Start time', { exact: true }).inputValue()).toBe('14:00');
    expect(await editForm.getByLabel('Location (optional)').inputValue()).toBe(
      '4 Avenue des Louvresses, Gennevilliers',
    );
    await editForm.getByLabel('Title').fill(`${title} (moved)`);
    await editForm.getByLabel('Start time', { exact: true }).fill('16:00');
    await editForm.getByLabel('End time', { exact: true }).fill('17:00');
    await editForm.getByRole('button', { name: 'Save changes' }).click();

    const moved = upcoming.getByRole('listitem').filter({ hasText: `${title} (moved)` });
    await moved.getByText(timedOn(day, '16:00', '17:00')).waitFor();
    expect(await page.getByRole('form', { name: /^Edit / }).count()).toBe(0);

    page.once('dialog', (dialog) => void dialog.accept());
    await moved.getByRole('button', { name: `Cancel ${title} (moved)` }).click();
    await moved.getByText('Cancelled', { exact: true }).waitFor();
    expect(await moved.getByRole('button').count()).toBe(0);
  });

  it('a member of the team sees its events but no controls to add, edit or cancel them', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.41' });
    await signInAs(page, 'hugo@example.com');
    await page.goto('/teams/engineering');
    const upcoming = page.getByRole('list', { name: 'Upcoming events' });
    const review = upcoming.getByRole('listitem').filter({ hasText: 'Sprint review' });
    await review.waitFor();
    expect(await review.innerText()).toContain('Meeting room “Ada”, 3rd floor');
    expect(await page.getByRole('heading', { name: 'Team events' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Add event' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Cancel) / }).count()).toBe(0);
    // The recent past is folded away, and opens on request.
    await page.getByText(/^Past events/).click();
    await page
      .getByRole('list', { name: 'Past events' })
      .getByText('Client visit — Airbus')
      .waitFor();
  });

  it('an invalid event shows its error next to the field and keeps what was typed', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.42' });
    await signInAs(page, 'camille@example.com');
    await page.goto('/teams/engineering');
    await page.getByRole('button', { name: 'Add event' }).click();
    const form = page.getByRole('form', { name: 'Add an event' });
    await form.getByLabel('Title').fill('Offsite planning');
    await form.getByLabel('Start date', { exact: true }).fill(inDays(40));
    await form.getByLabel('Start time', { exact: true }).fill('10:00');
    await form.getByLabel('End date', { exact: true }).fill(inDays(39));
    await form.getByLabel('End time', { exact: true }).fill('11:00');
    await form.getByLabel('Location (optional)').fill('Lyon');
    await form.getByRole('button', { name: 'Save event' }).click();

    const endDate = form.getByLabel('End date', { exact: true });
    const error = form.getByText('The end date cannot be before the start date.');
    await error.waitFor();
    expect(await endDate.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    expect(await endDate.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Title').inputValue()).toBe('Offsite planning');
    expect(await form.getByLabel('Start date', { exact: true }).inputValue()).toBe(inDays(40));
    expect(await form.getByLabel('Start time', { exact: true }).inputValue()).toBe('10:00');
    expect(await form.getByLabel('Location (optional)').inputValue()).toBe('Lyon');
    expect(
      await page
        .getByRole('list', { name: 'Upcoming events' })
        .getByText('Offsite planning')
        .count(),
    ).toBe(0);

    // An all-day event has no times to enter.
    await form.getByLabel('All day').check();
    expect(await form.getByLabel('Start time', { exact: true }).isVisible()).toBe(false);
  });
});
