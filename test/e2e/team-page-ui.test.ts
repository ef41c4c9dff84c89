import { eq, sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installDatabase, openDatabase, type DatabaseHandle } from '@/db';
import { absenceTypes } from '@/db/schema';
import { requestAbsence } from '@/lib/dal/absences';
import { holidayDatesBetween } from '@/lib/holidays';
import { formatMonth, formatSpan } from '@/lib/i18n/format';
import { absenceRequestSchema } from '@/lib/validation';
import { expectNoAxeViolations } from '@/test/helpers/axe';
import { BROWSER_LOCALE, DESKTOP, PHONE, setupBrowser, signIn } from '@/test/helpers/browser';
import { addMember, createTeam, createUser, TEST_PASSWORD } from '@/test/helpers/factories';

// The teams list and a team's page as people use them: at desktop and phone widths, with axe-core,
// when a team is still empty, and in French. On the PostgreSQL server, whose database the test
// opens to arrange a team of its own: a manager, a member with a request to decide, France's
// public holidays in the month shown.

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

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * May of next year, which has public holidays in France (1 and 8 May at least), and a Monday and
 * Tuesday in it that are working days there.
 */
function mayNextYear() {
  const year = new Date().getUTCFullYear() + 1;
  const holidays = holidayDatesBetween(
    { country: 'FR', region: null },
    `${year}-05-01`,
    `${year}-05-31`,
  );
  let monday = `${year}-05-01`;
  while (new Date(`${monday}T00:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, 1);
  while (holidays.has(monday) || holidays.has(addDays(monday, 1))) monday = addDays(monday, 7);
  return { year, month: `${year}-05`, first: monday, last: addDays(monday, 1) };
}

/** A new team in France with a manager, a member and the member's request waiting for a decision. */
async function arrangeTeam() {
  const tag = Math.random().toString(36).slice(2, 8);
  const team = await createTeam(db(), {
    name: `Lyon ${tag}`,
    slug: `lyon-${tag}`,
    timeZone: 'Europe/Paris',
    holidayCountry: 'FR',
  });
  const manager = await createUser(db(), { name: `Manon Ui ${tag}`, timeZone: 'Europe/Paris' });
  const member = await createUser(db(), { name: `Mathis Ui ${tag}`, timeZone: 'Europe/Paris' });
  await addMember(db(), team.id, manager.id, 'manager');
  await addMember(db(), team.id, member.id);
  const [vacation] = await db().select().from(absenceTypes).where(eq(absenceTypes.key, 'vacation'));
  const days = mayNextYear();
  await requestAbsence(
    member,
    absenceRequestSchema.parse({ typeId: vacation!.id, startDate: days.first, endDate: days.last }),
  );
  return {
    team,
    manager,
    member,
    days,
    path: `/teams/${team.slug}?year=${days.year}&month=${days.month}`,
  };
}

let clients = 150;
/** A page signed in as `email` (in English), then the same session at the given width and locale. */
async function signedInPage(
  email: string,
  options: { locale?: string; viewport?: typeof DESKTOP },
  password?: string,
): Promise<Page> {
  const clientAddress = `203.0.113.${clients++}`;
  const english = await browser.newPage({ baseUrl, clientAddress });
  await signIn(english, email, password);
  await english.waitForURL(/\/teams$/);
  const page = await browser.newPage({ baseUrl, clientAddress, ...options });
  await page.context().addCookies(await english.context().cookies());
  return page;
}

/** Fails when the page scrolls sideways (wide parts scroll inside their own region), naming what sticks out. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => {
    const inner = window.innerWidth;
    // The outermost elements that reach past the window's right edge.
    const outside = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > inner + 0.5)
      .filter((element) => (element.parentElement?.getBoundingClientRect().right ?? 0) <= inner)
      .filter((element) => {
        // What a scrolling (or clipping) ancestor holds does not widen the page.
        for (let up = element.parentElement; up; up = up.parentElement)
          if (getComputedStyle(up).overflowX !== 'visible') return false;
        return true;
      })
      .map((element) => {
        const { id, className } = element as HTMLElement;
        return `${element.tagName.toLowerCase()}${id ? `#${id}` : ''}.${String(className).slice(0, 80)} (${Math.round(element.getBoundingClientRect().right)})`;
      })
      .slice(0, 8);
    return { scroll: document.documentElement.scrollWidth, inner, outside };
  });
  expect(
    widths.scroll,
    `sideways scroll on ${where}: ${widths.outside.join(' | ')}`,
  ).toBeLessThanOrEqual(widths.inner);
}

/** Whether an element lies inside the window's width, entirely. */
async function insideWindowWidth(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const width = await locator.page().evaluate(() => window.innerWidth);
  return box !== null && box.width > 0 && box.x >= 0 && box.x + box.width <= width;
}

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('the team page at %s width', (name, viewport) => {
  it('is axe-clean, does not scroll sideways, keeps Days left in view and its grid reachable', async () => {
    const { manager, member, days, path } = await arrangeTeam();
    const page = await signedInPage(manager.email, { viewport }, TEST_PASSWORD);

    await page.goto('/teams');
    await page.getByRole('heading', { name: 'My teams', level: 1 }).waitFor();
    await expectNoSidewaysScroll(page, `the teams list (${name})`);
    await expectNoAxeViolations(page, `the teams list (${name})`);

    await page.goto(path);
    const label = `${member.name}, Vacation, ${formatSpan({ startDate: days.first, endDate: days.last }, BROWSER_LOCALE)}`;
    await page.getByRole('form', { name: `Decide on ${label}` }).waitFor();
    // The month's public holidays are marked in the grid.
    const grid = page.locator('section[aria-labelledby="grid-heading"]');
    expect(
      await grid.getByRole('columnheader', { name: /public holiday/ }).count(),
    ).toBeGreaterThan(0);
    await expectNoSidewaysScroll(page, `the team page (${name})`);
    await expectNoAxeViolations(page, `the team page (${name})`);

    // Days left of each member stays in view, the middle columns scrolling under it.
    const figures = page.getByRole('region', {
      name: `Figures per member, ${days.year}`,
      exact: true,
    });
    await figures.getByRole('columnheader', { name: 'Days left' }).waitFor();
    for (const who of [manager.name, member.name]) {
      const row = figures.getByRole('row', { name: new RegExp(who) });
      expect(await insideWindowWidth(row.locator('td').last()), `Days left of ${who}`).toBe(true);
      expect(await insideWindowWidth(row.getByRole('rowheader')), `name of ${who}`).toBe(true);
    }

    // The month grid scrolls in its own region, which the keyboard reaches.
    const scroller = grid.getByRole('region', {
      name: `Absences in ${formatMonth(days.month, 'en-GB')}`,
      exact: true,
    });
    expect(await scroller.getAttribute('tabindex')).toBe('0');
    expect(await scroller.evaluate((element) => getComputedStyle(element).overflowX)).toBe('auto');
    await scroller.focus();
    expect(await scroller.evaluate((element) => element === document.activeElement)).toBe(true);
    if (viewport === PHONE)
      expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(
        true,
      );
    expect(await insideWindowWidth(scroller)).toBe(true);

    // The year's links and the Calendar menu stay on one line.
    const yearNav = page.getByRole('navigation', { name: 'Year', exact: true });
    const calendar = page.locator('main header').getByRole('button', { name: /Calendar/ });
    const [navBox, calendarBox] = [await yearNav.boundingBox(), await calendar.boundingBox()];
    expect(
      Math.abs(navBox!.y + navBox!.height / 2 - (calendarBox!.y + calendarBox!.height / 2)),
    ).toBeLessThan(8);

    // The minimum presence form answers in a status, still axe-clean.
    const minimum = page.getByLabel('Minimum present on a working day');
    await minimum.fill('2');
    await page
      .locator('form')
      .filter({ has: minimum })
      .getByRole('button', { name: 'Save', exact: true })
      .click();
    await page
      .getByRole('status')
      .getByText('Saved: requests that would leave fewer than 2 present are flagged.')
      .waitFor();
    await expectNoAxeViolations(page, `the team page after saving a minimum (${name})`);
    await expectNoSidewaysScroll(page, `the team page after saving a minimum (${name})`);
  });
});

describe('the demo team this month, full of absences', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)(
    'its manager’s page is axe-clean and keeps Days left in view (%s)',
    async (name, viewport) => {
      const page = await signedInPage('camille@example.com', { viewport });
      await page.goto('/teams/engineering');
      await page.getByRole('heading', { name: 'Engineering', level: 1 }).waitFor();
      await expectNoSidewaysScroll(page, `Engineering (${name})`);
      await expectNoAxeViolations(page, `Engineering (${name})`);
      const figures = page.getByRole('region', { name: /^Figures per member, \d{4}$/ });
      const rows = figures.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(3);
      for (const row of await rows.all())
        expect(await insideWindowWidth(row.locator('td').last())).toBe(true);
    },
  );
});

/**
 * A team of 200 with, for each member, a week away in the month shown: the size issue 16 plans
 * for. Written in bulk: the page is what is tested, not how absences are requested.
 */
async function arrangeLargeTeam() {
  const tag = Math.random().toString(36).slice(2, 8);
  const team = await createTeam(db(), { name: `Large ${tag}`, slug: `large-${tag}` });
  const manager = await createUser(db(), { name: `Manager Large ${tag}` });
  await addMember(db(), team.id, manager.id, 'manager');
  const { month, year } = mayNextYear();
  await db().execute(sql`
    with people as (
      insert into users (email, name)
      select 'large-' || ${tag} || '-' || i || '@example.com', 'Member ' || lpad(i::text, 3, '0')
      from generate_series(1, 199) i
      returning id, name
    ), joined as (
      insert into memberships (team_id, user_id, role)
      select ${team.id}, id, 'member' from people returning user_id
    )
    insert into absences (user_id, type_id, start_date, end_date, status, decided_by_id, decided_at)
    select p.id, (select id from absence_types where key = 'vacation'),
           ${`${month}-01`}::date + (substr(p.name, 8)::int % 24),
           ${`${month}-01`}::date + (substr(p.name, 8)::int % 24) + 4,
           'approved', ${manager.id}, now()
    from people p`);
  return { team, manager, path: `/teams/${team.slug}?year=${year}&month=${month}` };
}

describe('the team page of a 200-person team', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('renders its month grid without layout shifts (%s)', async (name, viewport) => {
    const { manager, path } = await arrangeLargeTeam();
    const page = await signedInPage(manager.email, { viewport }, TEST_PASSWORD);
    // Every layout shift from the first paint on, as Chromium reports them (Web Vitals' CLS).
    await page.addInitScript(() => {
      const shifts: Array<{ value: number; sources: string[] }> = [];
      (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as Array<{
          value: number;
          hadRecentInput: boolean;
          sources?: Array<{ node?: Node }>;
        }>)
          if (!entry.hadRecentInput)
            shifts.push({
              value: entry.value,
              sources: (entry.sources ?? []).map((source) => {
                const node = source.node as HTMLElement | undefined;
                return node ? `${node.nodeName}.${String(node.className).slice(0, 60)}` : '?';
              }),
            });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(path);
    const grid = page.locator('section[aria-labelledby="grid-heading"]');
    await grid.getByRole('rowheader', { name: /Member 199/ }).waitFor();
    expect(await grid.getByRole('row').count()).toBeGreaterThan(200);
    await page.waitForLoadState('networkidle');
    // Two frames after the last request, so that any late shift has been reported.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const shifts = await page.evaluate(
      () =>
        (window as unknown as { layoutShifts: Array<{ value: number; sources: string[] }> })
          .layoutShifts,
    );
    const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
    expect(
      total,
      `layout shifts on the large team's page (${name}): ${JSON.stringify(shifts)}`,
    ).toBeLessThan(0.01);
    await expectNoSidewaysScroll(page, `the large team's page (${name})`);

    // The observer does see a shift when one happens: push the page down by a banner.
    await page.evaluate(async () => {
      const banner = document.createElement('div');
      banner.style.height = '200px';
      document.querySelector('main')!.prepend(banner);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { layoutShifts: unknown[] }).layoutShifts.length),
      )
      .toBeGreaterThan(shifts.length);
  });
});

describe('empty states', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)(
    'a team without members says so and links to adding them (%s)',
    async (name, viewport) => {
      const tag = Math.random().toString(36).slice(2, 8);
      const team = await createTeam(db(), { name: `Empty Ui ${tag}`, slug: `empty-ui-${tag}` });
      const admin = await signedInPage('admin@example.com', { viewport });
      await admin.goto(`/teams/${team.slug}`);
      const notice = admin.getByRole('region', { name: 'Nobody is in this team yet', exact: true });
      await notice.waitFor();
      expect(
        await notice
          .getByRole('link', { name: `Add members to ${team.name}` })
          .getAttribute('href'),
      ).toBe(`/admin/teams/${team.slug}`);
      const grid = admin.locator('section[aria-labelledby="grid-heading"]');
      await grid.getByText('No members, so nobody to show this month.').waitFor();
      await admin.getByText('No members yet, so no figures.').waitFor();
      // Nothing to decide: the admin is told where requests come from and how to make one.
      const requests = admin.getByRole('region', { name: /^Requests awaiting your decision/ });
      await requests.getByText(/^No request is waiting\./).waitFor();
      expect(
        await requests.getByRole('link', { name: 'request an absence' }).getAttribute('href'),
      ).toBe('/absences');
      // Nobody away soon: a link to request an absence.
      expect(
        await admin
          .getByRole('region', { name: /^Next \d+ days$/ })
          .getByRole('link', { name: 'Request an absence' })
          .getAttribute('href'),
      ).toBe('/absences');
      // No events yet: the events section says so.
      await admin
        .locator('section[aria-labelledby="events-heading"]')
        .getByText(
          /^No upcoming events\. (Plan the first one with “Add event”|The team’s managers add them)/,
        )
        .waitFor();
      await expectNoSidewaysScroll(admin, `an empty team's page (${name})`);
      await expectNoAxeViolations(admin, `an empty team's page (${name})`);
    },
  );

  it('a member of no team is told whom to ask', async () => {
    const loner = await createUser(db(), { name: `Lone Ui ${Date.now()}` });
    const page = await signedInPage(loner.email, { viewport: PHONE }, TEST_PASSWORD);
    await page.goto('/teams');
    await page
      .getByText('You are not in any team yet. Ask an administrator to add you to one.')
      .waitFor();
    await expectNoAxeViolations(page, 'the teams list of someone in no team (phone)');
  });
});

/** English texts of the teams list and the team page: none may be left on the French page. */
const ENGLISH = [
  'My teams',
  // May's public holidays, named in the reader's language.
  'Labour Day',
  'Victory Day',
  'Ascension Day',
  'Away today',
  'Everyone is in today',
  'Nobody is away',
  'Members in ',
  'Days left',
  'Taken so far',
  'Allowance',
  'Approve',
  'Reject',
  'Requests awaiting',
  'Reason (optional)',
  'Minimum present',
  'No minimum',
  'Leave empty for no rule',
  'Members away per day',
  'Coverage range',
  'Striped: pending approval',
  'not working days',
  'not a working day',
  'working day',
  'public holiday',
  'Time zone',
  'Breadcrumb',
  'Decide on',
  'Also away',
  'Lowest presence',
  'Days left if approved',
  'Nobody else in the team',
  'Figures per member',
  'Absences in',
  'days booked in',
  'Counts against the allowance',
  'At most',
  'Team events',
  'Offsites, client visits',
];

describe('in French', () => {
  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)('the team page speaks French, dates included (%s)', async (name, viewport) => {
    const { manager, member, days, path } = await arrangeTeam();
    const page = await signedInPage(manager.email, { viewport, locale: 'fr-FR' }, TEST_PASSWORD);
    await page.goto('/teams');
    await page.getByRole('heading', { name: 'Mes équipes', level: 1 }).waitFor();

    await page.goto(path);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^fr/);
    await page.getByRole('heading', { name: 'Absents aujourd’hui' }).waitFor();
    await page.getByRole('heading', { name: `Membres en ${days.year}` }).waitFor();
    await page
      .getByRole('heading', { name: 'Demandes en attente de votre décision (1)' })
      .waitFor();
    await page
      .getByRole('heading', { name: formatMonth(days.month, 'fr-FR'), exact: true })
      .waitFor();
    // The request's dates in French, in the row and in its form's name.
    const span = formatSpan({ startDate: days.first, endDate: days.last }, 'fr-FR');
    expect(span).toMatch(/mai/);
    const form = page.getByRole('form', {
      name: `Décider de la demande : ${member.name}, Vacation, ${span}`,
    });
    await form.getByRole('button', { name: /^Valider/ }).waitFor();
    await page
      .getByRole('region', { name: /^Demandes en attente/ })
      .getByText(span)
      .first()
      .waitFor();
    await page.getByLabel('Présents au minimum un jour ouvré').waitFor();
    const figures = page.getByRole('region', { name: `Chiffres par membre, ${days.year}` });
    await figures.getByRole('columnheader', { name: 'Jours restants' }).waitFor();

    // No English left of the page's own texts (the Calendar menu and the events' list are another
    // screen's): visible, hidden for screen readers, or in attributes (labels, titles, placeholders).
    const texts = await page.locator('main').evaluate((main) => {
      const own = [
        ...main.querySelectorAll(
          'nav[aria-labelledby], main > div > div > nav, h1, h1 + p, header nav, #events-heading, #events-heading + p',
        ),
        ...[
          'requests-heading',
          'today-heading',
          'soon-heading',
          'grid-heading',
          'coverage-heading',
          'figures-heading',
        ].map((id) => main.querySelector(`section[aria-labelledby="${id}"]`)),
      ].filter((element): element is Element => element !== null);
      return own
        .flatMap((element) => [
          element.textContent ?? '',
          ...[element, ...element.querySelectorAll('*')].flatMap((inner) =>
            ['aria-label', 'title', 'placeholder']
              .map((attribute) => inner.getAttribute(attribute))
              .filter((value): value is string => value !== null),
          ),
        ])
        .join('\n');
    });
    expect(texts).toContain('Membres en');
    expect(texts).toContain('Fête du travail');
    const left = ENGLISH.filter((english) => texts.includes(english));
    expect(left, `English on the French team page (${name})`).toEqual([]);

    // A decision in French, answered in French.
    await form.getByRole('button', { name: /^Valider/ }).click();
    await page
      .getByRole('status')
      .getByText(`${member.name}, Vacation, ${span} : Demande validée.`)
      .waitFor();
  });
});
