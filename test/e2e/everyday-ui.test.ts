import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { installDatabase, openDatabase, type DatabaseHandle } from '@/db';
import { absences, absenceTypes, passwordResets, users } from '@/db/schema';
import { formatSpan } from '@/lib/i18n/format';
import { generateSetupSecret } from '@/lib/password-setup';
import { expectNoAxeViolations } from '@/test/helpers/axe';
import { expectNothingSticksOut } from '@/test/helpers/layout';
import { DESKTOP, PHONE, setupBrowser } from '@/test/helpers/browser';
import { holidayFreeMondayAfter } from '@/test/helpers/dates';
import { addMember, createTeam, createUser, TEST_PASSWORD } from '@/test/helpers/factories';
import { parseFeed } from '@/test/helpers/feeds';

// The screens people use every day — sign-in, password links, My absences, My calendar, the
// resources — at desktop and phone widths: axe-clean, never scrolling sideways, the header on one
// line; a request for another year shows that year, a cancel says so, a rejection gives its
// reason; and all of it in French, from the browser's language or from the profile's choice.
// Runs on the PostgreSQL-backed server with the demo data, creating the people it needs.

const baseUrl = inject('postgresBaseUrl');
const browser = setupBrowser();
let handle: DatabaseHandle;
const db = () => handle.db;

beforeAll(() => {
  handle = openDatabase({ url: inject('postgresDatabaseUrl') });
  installDatabase(handle);
});
afterAll(async () => {
  installDatabase(undefined);
  await handle.close();
});

const WIDTHS = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const;

let addressCount = 0;
/** A client address of its own for every page, so that sign-in rate limits never meet. */
const nextAddress = () => `198.51.100.${180 + (addressCount++ % 60)}`;

function newPage(options: { locale?: string; viewport?: { width: number; height: number } } = {}) {
  return browser.newPage({ baseUrl, clientAddress: nextAddress(), ...options });
}

/** Someone new, with no absences yet, who signs in with a password. */
const newPerson = (overrides: Parameters<typeof createUser>[1] = {}) =>
  createUser(db(), { timeZone: 'Europe/Paris', ...overrides });

/** Signs in through the form whatever the page's language (fields found by their ids). */
async function signInWith(page: Page, email: string, password = TEST_PASSWORD) {
  await page.goto('/sign-in');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/teams$/);
}

/** A pattern for a text written by Intl, whatever spaces (thin, narrow, no-break) it holds. */
const loose = (text: string) =>
  new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'));

/** The header keeps to one line: as tall as its one row, whatever the width. */
async function expectHeaderOnOneLine(page: Page, where: string) {
  const height = await page
    .locator('body > header, header')
    .first()
    .evaluate((header) => {
      return header.getBoundingClientRect().height;
    });
  expect(height, `${where}: the header wraps`).toBeLessThanOrEqual(57);
}

async function checkPage(page: Page, where: string, signedIn: boolean) {
  await expectNothingSticksOut(page, where);
  if (signedIn) await expectHeaderOnOneLine(page, where);
  await expectNoAxeViolations(page, where);
}

/** A one-time setup link and a reset link, each for a person of their own. */
async function passwordLinks() {
  const setup = generateSetupSecret();
  await newPerson({
    name: 'Sacha Setup',
    passwordHash: null,
    passwordSetupHash: setup.hash,
    passwordSetupExpiresAt: new Date(Date.now() + 86_400_000),
  });
  const reset = generateSetupSecret();
  const person = await newPerson({ name: 'Romy Reset' });
  await db()
    .insert(passwordResets)
    .values({
      userId: person.id,
      secretHash: reset.hash,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
  return { setup: `/setup-password/${setup.secret}`, reset: `/reset-password/${reset.secret}` };
}

/**
 * A Monday-to-Wednesday span in March of `year` (by default the year after this one in UTC),
 * clear of public holidays.
 */
function spanNextYear(year = new Date().getUTCFullYear() + 1) {
  const daysToMarch = Math.ceil((Date.UTC(year, 2, 1) - Date.now()) / 86_400_000);
  const monday = holidayFreeMondayAfter(daysToMarch);
  const wednesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 2 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return { startDate: monday, endDate: wednesday, year: Number(monday.slice(0, 4)) };
}

async function requestAbsence(page: Page, type: RegExp, startDate: string, endDate: string) {
  await page.locator('#typeId').selectOption({ label: await optionLabel(page, type) });
  await page.locator('#startDate').fill(startDate);
  await page.locator('#endDate').fill(endDate);
  await page.locator('form[aria-labelledby="request-heading"] button[type="submit"]').click();
}

async function optionLabel(page: Page, label: RegExp) {
  const labels = await page.locator('#typeId option').allInnerTexts();
  const found = labels.find((text) => label.test(text));
  expect(found, `an absence type like ${label}`).toBeDefined();
  return found!;
}

describe('every page of the everyday screens, at desktop and phone widths', () => {
  it.each(WIDTHS)(
    'sign-in and password pages are axe-clean and do not scroll sideways (%s)',
    async (width, viewport) => {
      const page = await newPage({ viewport });
      const links = await passwordLinks();
      await page.goto('/sign-in');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await checkPage(page, `sign-in (${width})`, false);

      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('#email-error').waitFor();
      await checkPage(page, `sign-in with errors (${width})`, false);

      await page.goto('/forgot-password');
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      await checkPage(page, `forgot-password (${width})`, false);

      await page.goto(links.setup);
      await page.getByRole('heading', { name: 'Welcome, Sacha Setup' }).waitFor();
      await checkPage(page, `setup-password (${width})`, false);
      await page.getByRole('button', { name: 'Save password' }).click();
      await page.locator('#password-error').waitFor();
      await checkPage(page, `setup-password with errors (${width})`, false);

      await page.goto(links.reset);
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      await checkPage(page, `reset-password (${width})`, false);

      await page.goto('/reset-password/not-a-real-link');
      await page.getByRole('heading', { name: 'This link no longer works' }).waitFor();
      await checkPage(page, `reset-password, a dead link (${width})`, false);
    },
  );

  it.each(WIDTHS)(
    'My absences, My calendar, the resources and a resource are axe-clean and do not scroll sideways (%s)',
    async (width, viewport) => {
      const page = await newPage({ viewport });
      await signInWith(page, 'hugo@example.com', 'teamcal-demo');

      await page.goto('/absences');
      await page.getByRole('heading', { name: 'My absences', level: 1 }).waitFor();
      await checkPage(page, `My absences (${width})`, true);
      // A refused request: its errors next to the fields.
      await page.getByRole('button', { name: 'Request absence' }).click();
      await page.locator('#typeId-error').waitFor();
      await page.locator('#startDate-error').waitFor();
      await checkPage(page, `My absences with a form error (${width})`, true);

      await page.goto('/calendar');
      await page.getByRole('heading', { name: 'My calendar', level: 1 }).waitFor();
      await checkPage(page, `My calendar (${width})`, true);
      await page.goto('/calendar?view=month');
      await page.getByRole('heading', { name: 'My calendar', level: 1 }).waitFor();
      await checkPage(page, `My calendar, a month (${width})`, true);

      await page.goto('/resources');
      await page.getByRole('heading', { name: 'Resources', level: 1 }).waitFor();
      await checkPage(page, `resources (${width})`, true);

      await page.getByRole('link', { name: 'Salle Lovelace' }).click();
      await page.getByRole('heading', { name: 'Salle Lovelace', level: 1 }).waitFor();
      await checkPage(page, `a resource (${width})`, true);
      await page.getByRole('button', { name: 'Book', exact: true }).click();
      await page.locator('#booking-title-error').waitFor();
      await checkPage(page, `a resource with a form error (${width})`, true);

      // A week nobody booked says so, and leads to the form.
      await page.goto(`/resources/company-van?week=${holidayFreeMondayAfter(700)}`);
      const week = page.getByRole('region', { name: /^Week of/ });
      await week
        .getByText('No bookings this week: Company van is free every day. Book it with the form.')
        .waitFor();
      expect(await week.getByRole('link', { name: 'Book it' }).getAttribute('href')).toBe(
        '#booking-title',
      );
      await checkPage(page, `a resource’s empty week (${width})`, true);

      await page.goto('/no-such-page');
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      await checkPage(page, `not-found, signed in (${width})`, false);
    },
  );
});

describe('My absences', () => {
  it('a request for next year shows that year, a cancel says it was cancelled (phone)', async () => {
    const person = await newPerson();
    const page = await newPage({ viewport: PHONE });
    await signInWith(page, person.email);
    await page.goto('/absences');
    const thisYear = Number(
      await page.getByRole('navigation', { name: 'Year' }).locator('[aria-current]').innerText(),
    );
    // Nothing yet: the empty list says so and leads to the form.
    const empty = page.getByRole('region', { name: `Absences in ${thisYear}` });
    expect(await empty.innerText()).toContain(`No absences in ${thisYear} yet.`);
    await empty.getByRole('link', { name: 'Request one with the form on this page.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('typeId');

    // The year after the one the page shows (the person's, which may be ahead of UTC's).
    const span = spanNextYear(thisYear + 1);
    expect(span.year).toBeGreaterThan(thisYear);
    await requestAbsence(page, /^Vacation/, span.startDate, span.endDate);
    await page.waitForURL(new RegExp(`/absences\\?year=${span.year}$`));
    await page
      .getByRole('status')
      .getByText('Request sent: your manager will approve it.')
      .waitFor();
    const list = page.getByRole('region', { name: `Absences in ${span.year}` });
    const dates = formatSpan(span, 'en-GB');
    const row = list.getByRole('row', { name: loose(`Vacation ${dates}`) });
    await row.waitFor();
    expect(await row.innerText()).toContain('pending');
    await expectNothingSticksOut(page, 'My absences after a request');

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: loose(`Cancel Vacation, ${dates}`) }).click();
    await list
      .getByRole('status')
      .getByText(loose(`Cancelled: Vacation, ${dates}. It stays in the list as cancelled.`))
      .waitFor();
    await list
      .getByRole('row', { name: loose(`Vacation ${dates}`) })
      .getByText('cancelled')
      .waitFor();
    await expectNoAxeViolations(page, 'My absences after a cancel');
  });

  it('the requester reads why a request was rejected', async () => {
    const person = await newPerson();
    const [vacation] = await db()
      .select({ id: absenceTypes.id })
      .from(absenceTypes)
      .where(eq(absenceTypes.key, 'vacation'));
    const span = spanNextYear();
    await db().insert(absences).values({
      userId: person.id,
      typeId: vacation!.id,
      startDate: span.startDate,
      endDate: span.endDate,
      status: 'rejected',
      decisionReason: 'Release week: everyone is needed',
      decidedAt: new Date(),
    });
    const page = await newPage();
    await signInWith(page, person.email);
    await page.goto(`/absences?year=${span.year}`);
    const row = page.getByRole('row', { name: /Vacation/ });
    expect(await row.innerText()).toContain(
      'Reason for the rejection: Release week: everyone is needed',
    );
    expect(await row.innerText()).toContain('rejected');
  });
});

// What must not be left in English on the French pages (words French shares, such as "Type",
// "Note" or "Dates", and the demo's own data, such as "Vacation", are not in it).
const ENGLISH = [
  'Sign in',
  'Password',
  'Forgot your password',
  'Your team’s absences',
  'My teams',
  'My absences',
  'My calendar',
  'Resources',
  'Account menu',
  'Request an absence',
  'Request absence',
  'First day',
  'Last day',
  'Half days',
  'Afternoon only',
  'Morning only',
  'optional',
  'Allowance',
  'Booked',
  'Taken so far',
  'Pending',
  'pending',
  'Days left',
  'Working days',
  'Request sent',
  'No absences',
  'Choose…',
  'needs approval',
  'Status',
  'Year',
  'Previous',
  'Next',
  'Send me a reset link',
  'Back to sign-in',
  'Welcome',
  'New password',
  'Type it again',
  'Save password',
  'Choose a',
];

async function expectNoEnglish(page: Page, where: string) {
  const text = await page.evaluate(() => document.body.innerText);
  const left = ENGLISH.filter((english) => text.includes(english));
  expect(left, `English left on ${where}`).toEqual([]);
}

/** Sign in, My absences, a request with a French refusal and a French date, all in French. */
async function frenchJourney(page: Page, email: string, locale: string) {
  const span = spanNextYear();
  await page.goto(`/absences?year=${span.year}`);
  await page.getByRole('heading', { name: 'Mes absences', level: 1 }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe(locale);
  expect(await page.title()).toBe('Mes absences · TeamCal');
  await page.getByRole('region', { name: `Absences en ${span.year}` }).waitFor();
  await expectNoEnglish(page, `Mes absences (${email})`);

  // A refusal in French, next to its field.
  await requestAbsence(page, /^Vacation/, span.endDate, span.startDate);
  expect(await page.locator('#endDate-error').innerText()).toBe(
    'Le dernier jour ne peut pas précéder le premier.',
  );

  await requestAbsence(page, /^Vacation/, span.startDate, span.endDate);
  await page
    .getByRole('status')
    .getByText('Demande envoyée : votre responsable la validera.')
    .waitFor();
  const dates = formatSpan(span, locale);
  expect(dates).toMatch(/[a-zéû]+\.?\s\d{4}$/); // e.g. « 1–3 mars 2027 »
  const row = page.getByRole('row', { name: loose(`Vacation ${dates}`) });
  expect(await row.innerText()).toContain('en attente');
  await expectNoEnglish(page, `Mes absences after a request (${email})`);
  await expectNoAxeViolations(page, `Mes absences (${email})`);
  return span;
}

/**
 * Subscribes to the person's team from its French page and reads the feed back: the dialog has
 * no English left, and the feed writes the pending request and the holidays in French.
 */
async function frenchSubscription(page: Page, teamSlug: string, span: { startDate: string }) {
  await page.goto(`/teams/${teamSlug}`);
  await page.getByRole('button', { name: 'Agenda', exact: true }).click();
  await page.getByRole('menuitem', { name: /^S’abonner/ }).click();
  const dialog = page.getByRole('dialog', { name: /^S’abonner à/ });
  await dialog.getByRole('checkbox', { name: 'Demandes en attente, comme provisoires' }).check();
  await dialog
    .getByRole('checkbox', { name: 'Jours fériés, comme événements sur la journée' })
    .check();
  await expectNoEnglish(page, 'the Subscribe dialog');
  await dialog.getByRole('button', { name: 'Générer' }).click();
  const address = await dialog.getByLabel('L’adresse de votre agenda').inputValue();
  await dialog.getByText('Votre lien est prêt.').waitFor();
  await expectNoEnglish(page, 'the Subscribe dialog after Générer');
  await expectNoAxeViolations(page, 'the Subscribe dialog in French');

  // Read as a calendar client on a French computer asks (the person chose no language).
  const response = await fetch(address, { headers: { 'Accept-Language': 'fr-FR' } });
  expect(response.status).toBe(200);
  const feed = parseFeed(await response.text());
  const request = feed.events.find((event) => event.start.toISOString().startsWith(span.startDate));
  expect(request?.summary).toMatch(/ \(en attente\)$/);
  // France's 1 May, whichever year the window holds, under its French name.
  expect(feed.events.some((event) => event.summary === 'Fête du travail')).toBe(true);
}

describe('TeamCal in French', () => {
  it('a browser asking for French gets the sign-in page, My absences and a request in French', async () => {
    const person = await newPerson();
    const page = await newPage({ locale: 'fr-FR' });
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr-FR');
    expect(await page.title()).toBe('Connexion · TeamCal');
    await page.getByLabel('Adresse e-mail').waitFor();
    await page.getByLabel('Mot de passe').waitFor();
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).waitFor();
    await expectNoEnglish(page, 'the sign-in page');

    // The password pages too, axe-clean in French.
    const links = await passwordLinks();
    await page.goto('/forgot-password');
    await page.getByRole('heading', { name: 'Mot de passe oublié ?' }).waitFor();
    await expectNoEnglish(page, 'the forgot-password page');
    await page.goto(links.setup);
    await page.getByRole('heading', { name: 'Bienvenue, Sacha Setup' }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    expect(await page.locator('#password-error').innerText()).toBe('Choisissez un mot de passe.');
    await expectNoEnglish(page, 'the setup-password page');
    await expectNoAxeViolations(page, 'the setup-password page in French');
    await page.goto(links.reset);
    await page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }).waitFor();
    await expectNoEnglish(page, 'the reset-password page');
    await page.goto('/sign-in');

    // A wrong password, refused in French.
    await page.getByLabel('Adresse e-mail').fill(person.email);
    await page.getByLabel('Mot de passe').fill('not the password');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page
      .locator('form')
      .getByRole('alert')
      .getByText('Adresse e-mail ou mot de passe incorrect.')
      .waitFor();
    await expectNoAxeViolations(page, 'the sign-in page in French');

    const tag = person.id.slice(0, 8);
    const team = await createTeam(db(), {
      name: `Équipe ${tag}`,
      slug: `equipe-${tag}`,
      holidayCountry: 'FR',
    });
    await addMember(db(), team.id, person.id);

    await signInWith(page, person.email);
    const span = await frenchJourney(page, person.email, 'fr-FR');
    await frenchSubscription(page, team.slug, span);

    await page.goto('/resources');
    await page.getByRole('heading', { name: 'Ressources', level: 1 }).waitFor();
    await expectNoEnglish(page, 'Ressources');
  });

  it('someone with an English browser who chooses Français in their profile gets French', async () => {
    const person = await newPerson();
    const page = await newPage({ locale: 'en-GB' });
    await signInWith(page, person.email);
    await page.goto('/absences');
    await page.getByRole('heading', { name: 'My absences', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');

    await page.goto('/profile');
    await page.locator('#profile-language').selectOption('fr');
    await page
      .locator('#profile-language')
      .locator('xpath=ancestor::form')
      .locator('button[type="submit"]')
      .click();
    await page.locator('form [role="status"]').first().waitFor();
    expect(
      (await db().select({ locale: users.locale }).from(users).where(eq(users.id, person.id)))[0]
        ?.locale,
    ).toBe('fr');

    await frenchJourney(page, person.email, 'fr-FR');

    // Without the person, the browser's English.
    const signedOut = await newPage({ locale: 'en-GB' });
    await signedOut.goto('/sign-in');
    await signedOut.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await signedOut.locator('html').getAttribute('lang')).toBe('en-GB');
  });
});
