import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installDatabase, openDatabase, type DatabaseHandle } from '@/db';
import { absenceTypes, teams } from '@/db/schema';
import { requestAbsence } from '@/lib/dal/absences';
import { absenceRequestSchema } from '@/lib/validation';
import { formatSpan } from '@/lib/i18n/format';
import { BROWSER_LOCALE, setupBrowser, signInAs } from '@/test/helpers/browser';
import { addMember, createUser } from '@/test/helpers/factories';

// A fresh team gets Bavaria's public holidays from an admin in the browser; a request across
// Epiphany then takes one working day less, and the team page shows the holiday in its grid and
// chart, not as anyone's absence. On the PostgreSQL server, whose database the test also opens
// to arrange the request as the member would make it.

const browser = setupBrowser();
const baseUrl = inject('postgresBaseUrl');
let handle: DatabaseHandle;
const db = () => handle.db;

beforeAll(async () => {
  handle = openDatabase({ url: inject('postgresDatabaseUrl') });
  installDatabase(handle);
});
afterAll(async () => {
  installDatabase(undefined);
  await handle.close();
});

/** The first January ahead whose 6th (Epiphany) falls on a Tuesday, Wednesday or Thursday. */
function epiphanyMidweek(): { year: number; before: string; epiphany: string; after: string } {
  for (let year = new Date().getUTCFullYear() + 1; ; year++) {
    const weekday = new Date(Date.UTC(year, 0, 6)).getUTCDay();
    if (weekday >= 2 && weekday <= 4)
      return {
        year,
        before: `${year}-01-05`,
        epiphany: `${year}-01-06`,
        after: `${year}-01-07`,
      };
  }
}

describe('public holidays', () => {
  it('a team’s public holiday shows in the grid and is not counted', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const admin = await browser.newPage({ baseUrl, clientAddress: '198.51.100.180' });
    await signInAs(admin, 'admin@example.com');

    // The admin creates the team in Munich: Germany, then the region that appears for it.
    await admin.goto('/admin/teams');
    const form = admin.getByRole('form', { name: 'Create a team' });
    await form.getByLabel('Name').fill(`Munich ${tag}`);
    await form.getByLabel('Address').fill(`munich-${tag}`);
    await form.getByLabel('Time zone').selectOption('Europe/Berlin');
    expect(await form.getByLabel('Region').count()).toBe(0);
    await form.getByLabel('Public holidays of').selectOption({ label: 'Germany' });
    await form.getByLabel('Region').selectOption({ label: 'Bayern' });
    await form.getByRole('button', { name: 'Create team' }).click();
    await form.getByRole('status').getByText(`Munich ${tag} created.`).waitFor();
    const [team] = await db()
      .select()
      .from(teams)
      .where(eq(teams.slug, `munich-${tag}`));
    expect(team).toMatchObject({ holidayCountry: 'DE', holidayRegion: 'BY' });

    // A member asks for the three days around Epiphany, which count two.
    const member = await createUser(db(), { name: `Mia ${tag}`, timeZone: 'Europe/Berlin' });
    await addMember(db(), team!.id, member.id);
    const [vacation] = await db()
      .select()
      .from(absenceTypes)
      .where(eq(absenceTypes.key, 'vacation'));
    const days = epiphanyMidweek();
    const requested = await requestAbsence(
      member,
      absenceRequestSchema.parse({
        typeId: vacation!.id,
        startDate: days.before,
        endDate: days.after,
      }),
    );
    expect(requested.workingDays).toBe(2);

    await admin.goto(`/teams/munich-${tag}?year=${days.year}&month=${days.year}-01`);
    const span = formatSpan({ startDate: days.before, endDate: days.after }, BROWSER_LOCALE);
    await admin
      .getByRole('form', { name: `Decide on Mia ${tag}, Vacation, ${span}` })
      .getByRole('button', { name: /^Approve/ })
      .click();
    await admin
      .getByRole('status')
      .getByText(/Request approved\.$/)
      .waitFor();
    await admin.reload();

    // The grid marks Epiphany's column with its name; the absence still covers its three days.
    const grid = admin.locator('section[aria-labelledby="grid-heading"]');
    const epiphany = grid.getByRole('columnheader', { name: /public holiday: Epiphany/ });
    expect(await epiphany.innerText()).toContain('6');
    expect(await epiphany.getAttribute('title')).toMatch(/Epiphany \(public holiday\)$/);
    expect(await grid.getByRole('listitem').filter({ hasText: 'Epiphany' }).count()).toBe(1);
    const row = grid.getByRole('row', { name: new RegExp(`^Mia ${tag}`) });
    expect(await row.getByText('Vacation', { exact: true }).count()).toBe(3);
    // No one's absence: New Year's Day is marked too, and nobody's row says so.
    expect(await grid.getByRole('columnheader', { name: /New Year/ }).count()).toBe(1);
    expect(await row.getByText(/Epiphany|New Year/).count()).toBe(0);

    // The chart shows the holiday as a day off, and counts nobody away on it.
    const chart = admin.locator('section[aria-labelledby="coverage-heading"]');
    expect(await chart.locator('rect[data-day-off="Epiphany"]').count()).toBe(1);

    // The figures count two days, booked in the future, none taken so far.
    const figures = admin
      .getByRole('region', { name: `Members in ${days.year}` })
      .getByRole('table');
    const headers = await figures.getByRole('columnheader').allInnerTexts();
    const cells = await figures
      .getByRole('row', { name: new RegExp(`Mia ${tag}`) })
      .locator('th, td')
      .allInnerTexts();
    const cellOf = (header: string) => cells[headers.findIndex((h) => h.startsWith(header))];
    expect(cellOf('Vacation')).toBe('2');
    expect(cellOf('Taken so far')).toBe('–');
  });
});
