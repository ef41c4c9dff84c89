import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatDateTime } from '@/lib/i18n/format';
import { expectNoAxeViolations } from '@/test/helpers/axe';
import { DESKTOP, PHONE, setupBrowser, signInAs } from '@/test/helpers/browser';

const browser = setupBrowser();

/** Fails when the page scrolls sideways (a wide table must scroll inside its own region). */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => {
    // Where the overflow starts: elements that stick out on the right while their parent does
    // not, unless a scroller that fits the screen clips them.
    const right = (el: Element) => el.getBoundingClientRect().right;
    const clipped = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== 'visible' && right(up) <= window.innerWidth + 1)
          return true;
      return false;
    };
    const out = [...document.body.querySelectorAll('*')].filter(
      (el) =>
        right(el) > window.innerWidth + 1 &&
        el.parentElement &&
        right(el.parentElement) <= window.innerWidth + 1 &&
        !clipped(el),
    );
    return {
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      culprits: out
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 40)}`),
    };
  });
  expect(
    widths.scroll,
    `sideways scroll on ${where}: ${widths.culprits.join(' | ')}`,
  ).toBeLessThanOrEqual(widths.inner);
}

/** An admin signed in (in English), then the same session in a page of the given locale. */
async function adminPage(options: { locale?: string; viewport?: typeof DESKTOP } = {}) {
  const english = await browser.newPage({ clientAddress: '198.51.100.90' });
  await signInAs(english, 'admin@example.com');
  if (!options.locale && !options.viewport) return english;
  const page = await browser.newPage({ clientAddress: '198.51.100.90', ...options });
  await page.context().addCookies(await english.context().cookies());
  return page;
}

let linkMade = false;

/** Data every scanned page needs: a person's page, a team without members, an outbox message. */
async function arrange(admin: Page) {
  const stamp = Date.now();
  await admin.goto('/admin/users');
  const form = admin.getByRole('form', { name: 'Add a person' });
  await form.getByLabel('Email', { exact: true }).fill(`ui.${stamp}@example.com`);
  await form.getByLabel('Name', { exact: true }).fill(`Ulla Ui ${stamp}`);
  await form.getByRole('button', { name: 'Add person' }).click();
  await admin.getByRole('status').getByText('can now choose a password').waitFor();

  await admin.goto('/admin/teams');
  const team = admin.getByRole('form', { name: 'Create a team' });
  await team.getByLabel('Name', { exact: true }).fill(`Empty ${stamp}`);
  await team.getByLabel('Address', { exact: true }).fill(`empty-${stamp}`);
  await team.getByRole('button', { name: 'Create team' }).click();
  await admin.getByRole('status').getByText(`Empty ${stamp} created.`).waitFor();

  // A calendar link, so that the token audit has a row to show: once per run, by someone no other
  // admin test signs in as (a second Generate would show that link instead).
  if (!linkMade) {
    const liam = await browser.newPage({ clientAddress: '198.51.100.91' });
    await signInAs(liam, 'liam@example.com');
    await liam.goto('/teams/sales');
    await liam.getByRole('button', { name: /^Calendar/ }).click();
    await liam.getByRole('menuitem', { name: /^Subscribe/ }).click();
    // Another file's test may have given Liam a link already: the audit has its row then too.
    const generate = liam.getByRole('button', { name: 'Generate', exact: true });
    const changeSettings = liam.getByRole('button', { name: 'Change settings' });
    await generate.or(changeSettings).first().waitFor();
    if (await generate.isVisible()) {
      await generate.click();
      await liam.waitForFunction(() =>
        [...document.querySelectorAll('input')].some((input) => input.value.includes('/api/ics/')),
      );
    }
    linkMade = true;
  }

  await admin.goto('/admin/outbox');
  const message = await admin.getByRole('table').getByRole('link').first().getAttribute('href');
  await admin.goto('/admin/users?q=camille');
  const camille = await admin.getByRole('link', { name: 'Camille Martin' }).getAttribute('href');
  return { emptyTeam: `/admin/teams/empty-${stamp}`, message: message!, camille: camille! };
}

describe('the admin pages at desktop and phone widths', () => {
  for (const viewport of [DESKTOP, PHONE])
    it(`every admin page is axe-clean and never scrolls sideways at ${viewport.width} px`, async () => {
      const admin = await adminPage();
      const made = await arrange(admin);
      const pages = [
        '/admin',
        '/admin/users',
        made.camille,
        '/admin/teams',
        '/admin/teams/engineering',
        made.emptyTeam,
        '/admin/resources',
        '/admin/resources/salle-lovelace',
        '/admin/absence-types',
        '/admin/absence-types/vacation',
        '/admin/policy',
        '/admin/tokens',
        '/admin/tokens?kind=personal&status=active&sort=last_used&dir=asc',
        '/admin/tokens?who=nobody-has-this-name',
        '/admin/audit',
        '/admin/outbox',
        '/admin/outbox?state=failed',
        made.message,
      ];
      const page = await adminPage({ viewport });
      // Every page is scanned, then every failure is told at once.
      const failures: string[] = [];
      for (const path of pages) {
        const where = `${path} at ${viewport.width} px`;
        const response = await page.goto(path);
        expect(response?.status(), where).toBe(200);
        await page.getByRole('heading', { level: 1 }).waitFor();
        for (const check of [expectNoAxeViolations, expectNoSidewaysScroll])
          await check(page, where).catch((error: Error & { actual?: unknown }) =>
            failures.push(`${error.message} ${JSON.stringify(error.actual ?? '')}`),
          );
      }
      expect(failures).toEqual([]);
    }, 300_000);

  it('a wide table scrolls inside its own labelled, focusable region on a phone', async () => {
    const page = await adminPage({ viewport: PHONE });
    await page.goto('/admin/users');
    const region = page.getByRole('region', { name: 'Table, scrolls sideways' });
    await region.focus();
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  });

  it('empty lists say so and link to what to do next', async () => {
    const admin = await adminPage();
    const made = await arrange(admin);
    await admin.goto(made.emptyTeam);
    const members = admin.getByRole('region', { name: 'Members' });
    await members.getByText('Nobody in this team yet.').waitFor();
    const next = members.getByRole('link', { name: 'Add a person' });
    expect(await next.getAttribute('href')).toBe('#member-email');
    expect(await admin.getByLabel('Their email').getAttribute('id')).toBe('member-email');

    await admin.goto('/admin/tokens?who=nobody-has-this-name');
    await admin.getByText('No link matches these filters.').waitFor();
    await admin.getByRole('link', { name: 'Show every link' }).click();
    await admin.waitForURL(/\/admin\/tokens$/);

    await admin.goto('/admin/outbox?state=failed');
    await admin.getByText('No failed message.').waitFor();
    await admin.getByRole('link', { name: 'Show every message' }).click();
    await admin.waitForURL(/\/admin\/outbox$/);
  });
});

describe('the admin pages in French', () => {
  it('the users page and a person’s page read in French, dates included', async () => {
    const admin = await adminPage({ locale: 'fr-FR' });
    await admin.goto('/admin/users');
    expect(await admin.title()).toContain('Utilisateurs');
    await admin.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    await admin.getByRole('heading', { name: 'Ajouter une personne' }).waitFor();
    await admin.getByRole('navigation', { name: 'Paramètres d’administration' }).waitFor();
    await admin.getByRole('columnheader', { name: 'Liens actifs' }).waitFor();
    const text = await admin.locator('main').innerText();
    for (const english of [
      'Users',
      'People',
      'Add a person',
      'Search',
      'Name or email',
      'Active links',
      'Status',
      'Role',
      'Member',
      'Add person',
      'Overview',
      'Audit log',
      'people',
    ])
      expect(text, `"${english}" left in English`).not.toMatch(new RegExp(`\\b${english}\\b`));

    await admin.getByRole('link', { name: 'Camille Martin' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Camille Martin' }).waitFor();
    await admin.getByRole('heading', { name: 'Rôle' }).waitFor();
    await admin.getByRole('heading', { name: 'Mot de passe' }).waitFor();
    const person = await admin.locator('main').innerText();
    // Added: written the French way, in the admin's time zone (UTC for the demo admin).
    expect(person).toMatch(/ajouté\S* le \d{1,2} \S+ \d{4}/);
    for (const english of [
      'Role',
      'Account',
      'Sessions',
      'Password',
      'Allowances',
      'Calendar links',
      'Sign out everywhere',
      'Disable account',
      'Save role',
      'added',
      'UTC',
    ])
      expect(person, `"${english}" left in English`).not.toMatch(new RegExp(`\\b${english}\\b`));
  });

  it('a team’s page reads in French, its allowance form and members included', async () => {
    const admin = await adminPage({ locale: 'fr-FR' });
    await admin.goto('/admin/teams/engineering');
    expect(await admin.title()).toContain('Engineering');
    await admin.getByRole('heading', { level: 1, name: 'Engineering' }).waitFor();
    await admin.getByRole('heading', { name: 'Membres' }).waitFor();
    await admin.getByRole('heading', { name: 'Paramètres' }).waitFor();
    await admin.getByRole('button', { name: /^Retirer Hugo Bernard/ }).waitFor();
    const text = await admin.locator('main').innerText();
    for (const english of [
      'Members',
      'Member',
      'Manager',
      'Make manager',
      'Remove',
      'Add a person',
      'Their email',
      'Add to team',
      'Settings',
      'Time zone',
      'Public holidays of',
      'Set allowances for',
      'Days',
      'Carried days lapse after',
      'Team page',
      'active links',
    ])
      expect(text, `"${english}" left in English`).not.toMatch(new RegExp(`\\b${english}\\b`));

    // The audit log's times are written the French way too.
    await admin.goto('/admin/audit');
    await admin.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
    const firstTime = await admin.getByRole('row').nth(1).getByRole('cell').first().innerText();
    expect(firstTime).toMatch(/^\d{1,2} \S+ \d{4}/);
    expect(firstTime).not.toMatch(/\//);
    expect(formatDateTime(new Date(), 'fr-FR', 'UTC')).toMatch(/^\d{1,2} \S+ \d{4}/);
  });

  it('the audit log’s sentences and details read in French', async () => {
    // Something to read: a team made now (in English), and the sign-ins that every test makes.
    const english = await adminPage();
    const stamp = Date.now();
    await english.goto('/admin/teams');
    const form = english.getByRole('form', { name: 'Create a team' });
    await form.getByLabel('Name', { exact: true }).fill(`Audit ${stamp}`);
    await form.getByLabel('Address', { exact: true }).fill(`audit-${stamp}`);
    await form.getByRole('button', { name: 'Create team' }).click();
    await english.getByRole('status').getByText(`Audit ${stamp} created.`).waitFor();

    const admin = await adminPage({ locale: 'fr-FR' });
    await admin.goto('/admin/audit?action=team.created');
    const events = admin.getByRole('region', { name: 'Événements d’audit' });
    await events
      .getByRole('row')
      .filter({ hasText: new RegExp(`Créé l’équipe « Audit ${stamp} » \\(\\S+\\)`) })
      .waitFor();
    await admin.goto('/admin/audit?action=auth.signed_in');
    await events.getByText('Connexion par mot de passe').first().waitFor();
    await admin.goto('/admin/audit');
    const sentences = await events.locator('tbody').innerText();
    for (const word of [
      'Signed in',
      'Created',
      'Changed',
      'Added',
      'Revoked',
      'Requested',
      'Approved',
      'subscription',
      'their',
      'someone',
      'with a password',
    ])
      expect(sentences, `"${word}" left in English`).not.toMatch(new RegExp(`\\b${word}\\b`));

    // The overview's recent activity too.
    await admin.goto('/admin');
    const recent = await admin
      .getByRole('region', { name: 'Derniers événements d’audit' })
      .innerText();
    expect(recent).not.toMatch(/\b(Signed in|Created the team|Revoked)\b/);
  });
});
