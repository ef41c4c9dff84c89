import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatSpan } from '@/lib/i18n/format';
import { BROWSER_LOCALE, setupBrowser, signInAs } from '@/test/helpers/browser';
import { holidayFreeMondayAfter } from '@/test/helpers/dates';

const browser = setupBrowser();

/** The Monday at least `days` ahead, and the days after it, as 'YYYY-MM-DD'. */
function weekAhead(days: number) {
  // No public holiday in it: the figures count every weekday.
  const monday = new Date(`${holidayFreeMondayAfter(days)}T00:00:00Z`);
  const day = (offset: number) =>
    new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return { monday: day(0), friday: day(4), nextMonday: day(7), nextTuesday: day(8) };
}

async function requestAbsence(page: Page, type: string, first: string, last: string) {
  await page.goto('/absences');
  await page.getByLabel('Type').selectOption({ label: type });
  await page.getByLabel('First day', { exact: true }).fill(first);
  await page.getByLabel('Last day', { exact: true }).fill(last);
  await page.getByRole('button', { name: 'Request absence' }).click();
  await page.locator('form [role="status"]').waitFor();
}

/**
 * A Monday beyond the demo data (which ends 180 days ahead) in a year the demo people have an
 * allowance for (this one or the next), with eight clear weeks before New Year.
 */
function clearWeekWithAllowance() {
  let monday = weekAhead(200).monday;
  const year = Number(monday.slice(0, 4));
  if (monday > `${year}-11-01`) {
    const first = new Date(Date.UTC(year + 1, 0, 1));
    first.setUTCDate(first.getUTCDate() + ((8 - first.getUTCDay()) % 7));
    monday = first.toISOString().slice(0, 10);
  }
  const day = (offset: number) =>
    new Date(Date.parse(`${monday}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  return { monday, friday: day(4), eightWeeksOn: day(7 * 8 - 3) };
}

/** The team page for the month and year of `date`. */
const teamPageOf = (date: string) =>
  `/teams/engineering?year=${date.slice(0, 4)}&month=${date.slice(0, 7)}`;

/** The decision form of a request, unfolding the longer list if it sits there. */
async function decisionForm(page: Page, who: string) {
  const form = page.getByRole('form', { name: `Decide on ${who}` });
  if (!(await form.isVisible())) await page.getByText(/\d+ more requests?/).click();
  return form;
}

/** The grid cell of a member on a day, by the description it carries. */
const gridCell = (page: Page, who: string) =>
  page
    .locator('section[aria-labelledby="grid-heading"] table')
    .getByRole('row', { name: new RegExp(`^${who}`) });

describe('the team page', () => {
  // Far beyond the demo data, so the figures of that year are Léa's request alone.
  const week = weekAhead(480);

  it('a member requests leave, the manager approves it, and it shows in the grid and the figures', async () => {
    const lea = await browser.newPage({ clientAddress: '198.51.100.40' });
    await signInAs(lea, 'lea@example.com');
    await requestAbsence(lea, 'Vacation (needs approval)', week.monday, week.friday);

    const camille = await browser.newPage({ clientAddress: '198.51.100.41' });
    await signInAs(camille, 'camille@example.com');
    await camille.goto(teamPageOf(week.monday));
    const form = await decisionForm(
      camille,
      `Léa Dubois, Vacation, ${formatSpan({ startDate: week.monday, endDate: week.friday }, BROWSER_LOCALE)}`,
    );
    await form.getByRole('button', { name: /^Approve/ }).click();
    await camille
      .getByRole('status')
      .getByText(/^Léa Dubois, Vacation, .*2\d{3}: Request approved\.$/)
      .waitFor();

    await camille.reload();
    const row = gridCell(camille, 'Léa Dubois');
    expect(await row.getByText('Vacation', { exact: true }).count()).toBe(5);
    const figures = camille.getByRole('table').filter({ has: camille.getByText('Days left') });
    const leaFigures = figures.getByRole('row', { name: /Léa Dubois/ });
    const vacationColumn = await figures
      .getByRole('columnheader')
      .allInnerTexts()
      .then((headers) => headers.findIndex((h) => h.startsWith('Vacation')));
    expect(await leaFigures.locator('th, td').nth(vacationColumn).innerText()).toBe('5');

    await lea.goto(`/absences?year=${week.monday.slice(0, 4)}`);
    await lea
      .getByRole('row', { name: /Vacation/ })
      .filter({ hasText: 'approved' })
      .waitFor();
  });

  it('a rejection’s reason reaches the requester by mail and on My absences', async () => {
    const later = weekAhead(530);
    const lea = await browser.newPage({ clientAddress: '198.51.100.45' });
    await signInAs(lea, 'lea@example.com');
    await requestAbsence(lea, 'Vacation (needs approval)', later.monday, later.friday);

    const camille = await browser.newPage({ clientAddress: '198.51.100.46' });
    await signInAs(camille, 'camille@example.com');
    await camille.goto(teamPageOf(later.monday));
    const span = formatSpan({ startDate: later.monday, endDate: later.friday }, BROWSER_LOCALE);
    const form = await decisionForm(camille, `Léa Dubois, Vacation, ${span}`);
    await form.getByRole('textbox').fill('Release week: <b>everyone</b> is needed');
    await form.getByRole('button', { name: /^Reject/ }).click();
    await camille
      .getByRole('status')
      .getByText(/Request rejected\.$/)
      .waitFor();

    await lea.goto(`/absences?year=${later.monday.slice(0, 4)}`);
    const row = lea
      .getByRole('row', { name: /Vacation/ })
      .filter({ hasText: 'rejected' })
      .last();
    expect(await row.innerText()).toContain(
      'Reason for the rejection: Release week: <b>everyone</b> is needed',
    );

    // Both mails, in the outbox of the embedded mode: the request to the manager, the decision
    // to Léa.
    const admin = await browser.newPage({ clientAddress: '198.51.100.47' });
    await signInAs(admin, 'admin@example.com');
    await admin.goto('/admin/outbox');
    const toCamille = admin
      .getByRole('row', { name: /camille@example\.com/ })
      .filter({ hasText: `Léa Dubois requests Vacation` });
    expect(await toCamille.count()).toBeGreaterThan(0);
    await admin
      .getByRole('row', { name: /lea@example\.com/ })
      .getByRole('link', { name: /was rejected$/ })
      .first()
      .click();
    const text = await admin.getByRole('region', { name: 'Text part' }).innerText();
    expect(text).toContain('Camille Martin rejected your request for Vacation');
    expect(text).toContain('> Release week: <b>everyone</b> is needed');
  });

  it('a request beyond the days left is refused and says how many are left', async () => {
    const week = clearWeekWithAllowance();
    const noah = await browser.newPage({ clientAddress: '198.51.100.48' });
    await signInAs(noah, 'noah@example.com');
    await noah.goto('/absences');
    await noah.getByLabel('Type').selectOption({ label: 'Vacation (needs approval)' });
    await noah.getByLabel('First day', { exact: true }).fill(week.monday);
    await noah.getByLabel('Last day', { exact: true }).fill(week.eightWeeksOn);
    await noah.getByRole('button', { name: 'Request absence' }).click();
    const error = noah.locator('#endDate-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(
      new RegExp(
        `^This request takes [\\d.]+ working days in ${week.monday.slice(0, 4)}, but your allowance has [\\d.]+ working days? left.*Choose fewer days or another type\\.$`,
      ),
    );
    // Nothing was saved, and what was typed is kept.
    expect(await noah.getByLabel('Last day', { exact: true }).inputValue()).toBe(week.eightWeeksOn);
  });

  it('the approver’s row shows the days left after approval and who else is away', async () => {
    const week = clearWeekWithAllowance();
    const jules = await browser.newPage({ clientAddress: '198.51.100.49' });
    await signInAs(jules, 'jules@example.com');
    await requestAbsence(jules, 'Vacation (needs approval)', week.monday, week.monday);
    const lea = await browser.newPage({ clientAddress: '198.51.100.50' });
    await signInAs(lea, 'lea@example.com');
    await requestAbsence(lea, 'Vacation (needs approval)', week.monday, week.friday);

    const camille = await browser.newPage({ clientAddress: '198.51.100.51' });
    await signInAs(camille, 'camille@example.com');
    await camille.goto(teamPageOf(week.monday));
    const span = formatSpan({ startDate: week.monday, endDate: week.friday }, BROWSER_LOCALE);
    const form = await decisionForm(camille, `Léa Dubois, Vacation, ${span}`);
    const row = camille.getByRole('listitem').filter({ has: form });
    const note = await row.locator('dl').innerText();
    expect(note).toMatch(/Days left if approved\s+-?[\d.]+/);
    expect(note).toMatch(/Also away\s+Jules [^(]+\(Vacation, .+awaiting a decision\)/);
    expect(note).toMatch(/Lowest presence\s+\d+ of \d+ present on/);
  });

  it('a colleague sees a sick leave as "Away", the manager sees its type', async () => {
    const lea = await browser.newPage({ clientAddress: '198.51.100.42' });
    await signInAs(lea, 'lea@example.com');
    await requestAbsence(lea, 'Sick leave', week.nextMonday, week.nextTuesday);

    const hugo = await browser.newPage({ clientAddress: '198.51.100.43' });
    await signInAs(hugo, 'hugo@example.com');
    await hugo.goto(teamPageOf(week.nextMonday));
    const leaRow = gridCell(hugo, 'Léa Dubois');
    expect(await leaRow.getByText('Away', { exact: true }).count()).toBe(2);
    // Nothing about Léa names the type: not her grid row (text, titles, labels), not her figures.
    // (Hugo's own absences, which the demo seeds relative to today, may name theirs.)
    expect(await leaRow.innerHTML()).not.toContain('Sick leave');
    const leaFigures = hugo
      .getByRole('table')
      .filter({ has: hugo.getByText('Days left') })
      .getByRole('row', { name: /Léa Dubois/ });
    expect(await leaFigures.innerHTML()).not.toContain('Sick leave');

    const camille = await browser.newPage({ clientAddress: '198.51.100.44' });
    await signInAs(camille, 'camille@example.com');
    await camille.goto(teamPageOf(week.nextMonday));
    expect(await gridCell(camille, 'Léa Dubois').getByText('Sick leave').count()).toBe(2);
  });

  it('a decision sent after signing out changes nothing and asks to sign in', async () => {
    const later = weekAhead(530);
    const lea = await browser.newPage({ clientAddress: '198.51.100.45' });
    await signInAs(lea, 'lea@example.com');
    await requestAbsence(lea, 'Training (needs approval)', later.monday, later.monday);

    const camille = await browser.newPage({ clientAddress: '198.51.100.46' });
    await signInAs(camille, 'camille@example.com');
    await camille.goto(teamPageOf(later.monday));
    const form = await decisionForm(
      camille,
      `Léa Dubois, Training, ${formatSpan({ startDate: later.monday, endDate: later.monday }, BROWSER_LOCALE)}`,
    );
    // Signing out in another tab ends the session on the server: whatever cookie this page
    // still sends (a late prefetch may even refresh it) names a session that is over.
    const otherTab = await camille.context().newPage();
    await otherTab.goto('/teams');
    await otherTab.locator('summary', { hasText: 'Account menu' }).click();
    await otherTab.getByRole('button', { name: 'Sign out' }).click();
    await otherTab.waitForURL(/\/sign-in/);
    const [answer] = await Promise.all([
      camille.waitForResponse((r) => r.request().method() === 'POST'),
      form.getByRole('button', { name: /^Approve/ }).click(),
    ]);
    // The action itself sends the browser to the sign-in page (a header, then a navigation).
    const redirect = await answer.headerValue('x-action-redirect');
    await expect.poll(() => redirect ?? camille.url(), { timeout: 15_000 }).toMatch(/\/sign-in/);

    await lea.goto(`/absences?year=${later.monday.slice(0, 4)}`);
    await lea
      .getByRole('row', { name: /Training/ })
      .filter({ hasText: 'pending' })
      .waitFor();
  });

  it('a member of the team sees no decisions to take', async () => {
    const hugo = await browser.newPage({ clientAddress: '198.51.100.47' });
    await signInAs(hugo, 'hugo@example.com');
    await hugo.goto('/teams/engineering');
    await hugo.getByRole('heading', { name: 'Away today' }).waitFor();
    expect(await hugo.getByRole('heading', { name: /Requests awaiting/ }).count()).toBe(0);
    expect(await hugo.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
  });
});
