import crypto from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '@/test/helpers/axe';
import { expectNothingSticksOut } from '@/test/helpers/layout';
import { DEMO_PASSWORD, DESKTOP, PHONE, setupBrowser, signInAs } from '@/test/helpers/browser';

// The Share dialog and the guest's pages: keyboard only, inline validation, one success message,
// Copy buttons, axe at desktop and phone widths, and French throughout.

const browser = setupBrowser();
const unique = () => crypto.randomBytes(3).toString('hex');
const DIALOG = 'dialog[open]';

interface Focused {
  tag: string;
  id?: string;
  role?: string | null;
  name?: string;
  inDialog?: boolean;
  selected?: string | null;
}

/** What has the keyboard focus: its tag, id, role, accessible-ish name, and whether in a dialog. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body' };
    const label = (element as HTMLInputElement).labels?.[0]?.textContent ?? '';
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      role: element.getAttribute('role'),
      name: (element.getAttribute('aria-label') ?? (label || element.textContent) ?? '').trim(),
      inDialog: element.closest('dialog[open]') !== null,
      selected: element.getAttribute('aria-selected'),
    };
  });
}

/** Presses `key` until the focused element matches; fails after `limit` presses. */
async function pressUntil(
  page: Page,
  key: string,
  matches: (element: Focused) => boolean,
  limit = 80,
): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const element = await focused(page);
    if (matches(element)) return element;
  }
  throw new Error(
    `${key} never reached the element; focus is on ${JSON.stringify(await focused(page))}`,
  );
}

/** Opens the Calendar menu's Share externally with the keyboard only (menu pattern or plain buttons). */
async function openShareWithKeyboard(page: Page): Promise<void> {
  await pressUntil(page, 'Tab', (f) => f.tag === 'button' && /^Calendar\b/.test(f.name ?? ''));
  await page.keyboard.press('Enter');
  const first = await focused(page);
  const key = first.role === 'menuitem' ? 'ArrowDown' : 'Tab';
  if (!/^Share externally/.test(first.name ?? ''))
    await pressUntil(page, key, (f) => /^Share externally/.test(f.name ?? ''), 6);
  await page.keyboard.press('Enter');
}

async function openShareDialog(page: Page, path = '/teams/engineering'): Promise<Locator> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Share externally/ }).click();
  const dialog = page.locator(DIALOG);
  await dialog.getByRole('tablist').waitFor();
  return dialog;
}

async function createGuestShare(dialog: Locator, email: string, label: string) {
  await dialog.getByRole('tab', { name: 'Guest with a password' }).click();
  const form = dialog.getByRole('form', { name: 'New guest share' });
  await form.getByLabel('Guest’s email').fill(email);
  await form.getByLabel('Label (e.g. their company)').fill(label);
  await form.getByRole('button', { name: 'Create guest share' }).click();
  await dialog.getByRole('heading', { name: 'Guest share created' }).waitFor();
  return dialog.getByLabel(`Setup link for ${email}`).inputValue();
}

async function grantClipboard(page: Page) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
}

describe('the Share dialog', () => {
  it('works with the keyboard only, focus always where the next step is', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.180' });
    await signInAs(page, 'camille@example.com');
    await page.goto('/teams/engineering');
    await openShareWithKeyboard(page);
    await page.locator(DIALOG).getByRole('tablist').waitFor();

    // Opened: the first field of the dialog.
    await expect.poll(() => focused(page)).toMatchObject({ id: 'public-label', inDialog: true });
    // Back to the tabs, then the guest's tab with an arrow key.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({
      role: 'tab',
      name: 'Public link',
      selected: 'true',
    });
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({
      role: 'tab',
      name: 'Guest with a password',
      selected: 'true',
    });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'guest-email', inDialog: true });

    // A malformed address is told on leaving the field, under it.
    await page.keyboard.type('not-an-email');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'guest-label' });
    const email = page.locator('#guest-email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBe('guest-email-error');
    expect(await page.locator('#guest-email-error').innerText()).toBe(
      'Enter a valid email address, like name@example.com.',
    );
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ id: 'guest-email' });
    await page.keyboard.press('ControlOrMeta+A');
    const address = `keyboard.${unique()}@partner.example`;
    await page.keyboard.type(address);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'guest-label' });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#guest-email-error').count()).toBe(0);

    // Create (Enter in the last text field): focus lands on the one success message.
    await page.keyboard.type('Keyboard partner');
    await page.keyboard.press('Enter');
    const dialog = page.locator(DIALOG);
    await dialog.getByRole('heading', { name: 'Guest share created' }).waitFor();
    expect(await focused(page)).toMatchObject({
      tag: 'h3',
      id: 'share-result-heading',
      inDialog: true,
    });
    expect(await dialog.getByText(/created/i).count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'setup-url' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'Copy', inDialog: true });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'button', name: 'Share again' });

    // Share again: the form is back, focus in its first field; then a public link.
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ id: 'guest-email', inDialog: true });
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ role: 'tab', name: 'Guest with a password' });
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toMatchObject({
      role: 'tab',
      name: 'Public link',
      selected: 'true',
    });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'public-label' });
    await page.keyboard.type(`Keyboard screen ${unique()}`);
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Public link created' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h3', id: 'share-result-heading' });
    expect(await dialog.getByText(/created/i).count()).toBe(1);

    // Closed with Escape: back on the control that opened the dialog.
    await page.keyboard.press('Escape');
    await page.locator(DIALOG).waitFor({ state: 'detached' });
    // Focus moves back once React has run the dialog's close (a moment after it leaves the DOM).
    await expect
      .poll(() => focused(page))
      .toMatchObject({ tag: 'button', name: expect.stringMatching(/^Calendar\b/) });
  });

  it('checks the guest’s email inline: on leaving the field, and on the server with zod', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.181' });
    await signInAs(page, 'camille@example.com');
    const dialog = await openShareDialog(page);
    await dialog.getByRole('tab', { name: 'Guest with a password' }).click();
    const form = dialog.getByRole('form', { name: 'New guest share' });
    const email = form.getByLabel('Guest’s email');

    // Empty: the server says so under the field, which takes the focus.
    await form.getByLabel('Label (e.g. their company)').fill('Nobody yet');
    await form.getByRole('button', { name: 'Create guest share' }).click();
    await form.getByText('Enter the guest’s email address.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await email.getAttribute('aria-describedby')).toBe('guest-email-error');
    expect(await focused(page)).toMatchObject({ id: 'guest-email' });

    // A browser-valid address without a domain name: zod on the server refuses it.
    await email.fill('someone@localhost');
    await form.getByRole('button', { name: 'Create guest share' }).click();
    await expect
      .poll(() => page.locator('#guest-email-error').innerText())
      .toBe('Enter a valid email address, like name@example.com.');
    expect(await email.inputValue()).toBe('someone@localhost');
    expect(await form.getByLabel('Label (e.g. their company)').inputValue()).toBe('Nobody yet');
    await expectNoAxeViolations(page, 'the share dialog with an email error', DIALOG);

    // Fixed: the error goes as soon as the address is valid.
    await email.fill(`fixed.${unique()}@partner.example`);
    await expect.poll(() => page.locator('#guest-email-error').count()).toBe(0);
    expect(await email.getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('button', { name: 'Create guest share' }).click();
    await dialog.getByRole('heading', { name: 'Guest share created' }).waitFor();
  });

  it('shows one success message and copies the setup link', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.182' });
    await signInAs(page, 'camille@example.com');
    await grantClipboard(page);
    const dialog = await openShareDialog(page);
    const email = `copy.${unique()}@partner.example`;
    const setupUrl = await createGuestShare(dialog, email, 'Copy partner');
    expect(setupUrl).toMatch(/\/guest\/[A-Za-z0-9_-]{43}$/);
    expect(await dialog.getByText(/created/i).count()).toBe(1);
    expect(await dialog.getByText(/TeamCal is mailing|waits in the outbox/).count()).toBe(1);
    expect(await dialog.getByRole('form').count()).toBe(0);

    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(setupUrl);

    // The new share is listed with its privacy in words, not `busy`.
    const item = dialog.getByRole('listitem').filter({ hasText: email });
    await item.waitFor();
    expect(await item.innerText()).toContain('Busy only');
    expect(await item.innerText()).not.toContain('busy');
    expect(await item.innerText()).toContain('Awaiting setup');
  });

  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)
    it(`passes axe at ${width} width, empty, with an error and after Create, in one column`, async () => {
      const page = await browser.newPage({
        clientAddress: width === 'desktop' ? '198.51.100.183' : '198.51.100.184',
        viewport,
      });
      await signInAs(page, 'camille@example.com');
      const dialog = await openShareDialog(page);
      await expectNoAxeViolations(page, `the share dialog at ${width} width`, DIALOG);
      await expectNothingSticksOut(page, `the share dialog at ${width} width`);

      const form = dialog.getByRole('form', { name: 'New public link' });
      await form.getByRole('button', { name: 'Create public link' }).click();
      await form.getByText('Give the link a label, e.g. who it is for.').waitFor();
      expect(await focused(page)).toMatchObject({ id: 'public-label' });
      await expectNoAxeViolations(page, `the share dialog with an error at ${width} width`, DIALOG);

      await form.getByLabel('Label (who or what it is for)').fill(`Axe ${width} ${unique()}`);
      await form.getByRole('button', { name: 'Create public link' }).click();
      await dialog.getByRole('heading', { name: 'Public link created' }).waitFor();
      await expectNoAxeViolations(page, `the share dialog after Create at ${width} width`, DIALOG);

      await dialog.getByRole('button', { name: 'Share again' }).click();
      await createGuestShare(dialog, `axe.${width}.${unique()}@partner.example`, 'Axe partner');
      await expectNoAxeViolations(page, `the setup link at ${width} width`, DIALOG);
      await expectNothingSticksOut(page, `the setup link at ${width} width`);
    });
});

describe('the guest’s pages', () => {
  it('the final page copies the feed address and gives Apple Calendar steps; axe at both widths', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.185' });
    await signInAs(page, 'camille@example.com');
    const dialog = await openShareDialog(page);
    const email = `final.${unique()}@partner.example`;
    const setupUrl = await createGuestShare(dialog, email, 'Final page');

    const guest = await browser.newPage({ clientAddress: '198.51.100.186', viewport: PHONE });
    await guest.goto(setupUrl);
    await guest.getByRole('heading', { name: '“Engineering” is shared with you' }).waitFor();
    await expectNoAxeViolations(guest, 'the guest setup page at phone width');
    await expectNothingSticksOut(guest, 'the guest setup page at phone width');
    await guest.setViewportSize(DESKTOP);
    await expectNoAxeViolations(guest, 'the guest setup page at desktop width');

    // A mistake: focus on the field to fix.
    await guest.getByLabel('Password', { exact: true }).fill('short');
    await guest.getByRole('button', { name: 'Set password' }).click();
    await guest.getByText('Use at least 10 characters.').waitFor();
    expect(await focused(guest)).toMatchObject({ tag: 'input', name: 'Password' });
    await expectNoAxeViolations(guest, 'the guest setup page with an error');

    await guest.getByLabel('Password', { exact: true }).fill('final page password');
    await guest.getByLabel('Password again').fill('final page password');
    await guest.getByRole('button', { name: 'Set password' }).click();
    await guest.getByRole('heading', { name: 'Your password is set' }).waitFor();
    expect(await focused(guest)).toMatchObject({ tag: 'h1', name: 'Your password is set' });

    const feedUrl = await guest.getByLabel('Calendar address').inputValue();
    expect(feedUrl).toMatch(/\/api\/ics\/tcal_[0-9A-Za-z]+\.ics$/);
    await grantClipboard(guest);
    await guest.getByRole('button', { name: 'Copy', exact: true }).click();
    await guest.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    expect(await guest.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);

    for (const client of [
      'Apple Calendar on a Mac',
      'Apple Calendar on an iPhone or iPad',
      'Thunderbird',
      'Outlook for Windows',
    ])
      await guest.getByRole('term').filter({ hasText: client }).waitFor();
    expect(
      await guest
        .getByRole('definition')
        .filter({ hasText: /^In Calendar, File → New Calendar Subscription/ })
        .count(),
    ).toBe(1);
    expect(
      await guest
        .getByRole('definition')
        .filter({ hasText: /Add Subscribed Calendar/ })
        .count(),
    ).toBe(1);

    await expectNoAxeViolations(guest, 'the guest final page at desktop width');
    await guest.setViewportSize(PHONE);
    await expectNoAxeViolations(guest, 'the guest final page at phone width');
    await expectNothingSticksOut(guest, 'the guest final page at phone width');

    // The copied address works with the guest's email and password.
    const authorization = `Basic ${Buffer.from(`${email}:final page password`).toString('base64')}`;
    expect((await fetch(feedUrl, { headers: { authorization } })).status).toBe(200);
  });

  it('a used or unknown setup link says so, axe-clean', async () => {
    const guest = await browser.newPage({ clientAddress: '198.51.100.187', viewport: PHONE });
    await guest.goto(`/guest/${crypto.randomBytes(32).toString('base64url')}`);
    await guest.getByRole('heading', { name: 'This setup link no longer works' }).waitFor();
    await expectNoAxeViolations(guest, 'the gone setup page at phone width');
  });
});

// Every English text of the share dialog and the guest pages, none of which may show in French.
const ENGLISH_SHARE = [
  'Who the link is for',
  'Public link',
  'Guest with a password',
  'Anyone who obtains a public link',
  'Label (who or what it is for)',
  'Expires after',
  'Create public link',
  'Links shared outside TeamCal',
  'Busy only',
  'No names: “Away” blocks only.',
  'Awaiting setup',
  'Last used',
  'Revoke',
  'New setup link',
  'Guest’s email',
  'Label (e.g. their company)',
  'Create guest share',
  'Guest share created',
  'Setup link for',
  'The setup link works once',
  'TeamCal is mailing',
  'waits in the outbox',
  'Share again',
  'Copied',
  'Enter a valid email address',
];
const ENGLISH_GUEST = [
  'is shared with you',
  'Choose a password to read it',
  'Your calendar app will ask',
  'Password again',
  'Set password',
  'Your password is set',
  'Add this calendar',
  'Calendar address',
  'Shown only now',
  'Add it to your calendar app',
  'Apple Calendar',
  'Outlook for Windows',
  'On the Network',
  'cannot send a password',
  'Copy',
  'Copied',
];

function leftovers(text: string, english: string[]) {
  return english.filter((phrase) => text.includes(phrase));
}

describe('in French', () => {
  it('the share dialog and the guest’s pages have no English left', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.188', locale: 'fr-FR' });
    // Signed in on the French page, by its fields' names.
    await page.goto('/sign-in');
    await page.locator('input[name="email"]').fill('camille@example.com');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await page.waitForURL(/\/teams$/);
    await grantClipboard(page);
    await page.goto('/teams/engineering');
    await page.getByRole('button', { name: 'Agenda', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Partager à l’extérieur/ }).click();
    const dialog = page.locator(DIALOG);
    await dialog.getByRole('tablist', { name: 'À qui s’adresse le lien' }).waitFor();
    expect(leftovers(await dialog.innerText(), ENGLISH_SHARE)).toEqual([]);

    await dialog.getByRole('tab', { name: 'Invité avec mot de passe' }).click();
    const form = dialog.getByRole('form', { name: 'Nouveau partage avec un invité' });
    await form.getByLabel('Adresse e-mail de l’invité').fill('quelqu.un@localhost');
    await form.getByLabel('Libellé (par exemple son entreprise)').fill('Partenaire');
    await form.getByRole('button', { name: 'Créer le partage' }).click();
    await form.getByText('Saisissez une adresse e-mail valide, comme nom@exemple.fr.').waitFor();
    expect(leftovers(await dialog.innerText(), ENGLISH_SHARE)).toEqual([]);

    const email = `fr.${unique()}@partenaire.example`;
    await form.getByLabel('Adresse e-mail de l’invité').fill(email);
    await form.getByRole('button', { name: 'Créer le partage' }).click();
    await dialog.getByRole('heading', { name: 'Partage avec l’invité créé' }).waitFor();
    await dialog.getByRole('button', { name: 'Copier', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'Copié' }).waitFor();
    const setupUrl = await dialog
      .getByLabel(`Lien de configuration pour ${email}`, { exact: true })
      .inputValue();
    const item = dialog.getByRole('listitem').filter({ hasText: email });
    expect(await item.innerText()).toContain('En attente de configuration');
    expect(leftovers(await dialog.innerText(), ENGLISH_SHARE)).toEqual([]);
    await expectNoAxeViolations(page, 'the French share dialog after Create', DIALOG);

    const guest = await browser.newPage({ clientAddress: '198.51.100.189', locale: 'fr-FR' });
    await guest.goto(setupUrl);
    await guest.getByRole('heading', { name: '« Engineering » est partagé avec vous' }).waitFor();
    expect(await guest.title()).toContain('Configurer votre accès à l’agenda');
    expect(leftovers(await guest.locator('body').innerText(), ENGLISH_GUEST)).toEqual([]);
    await guest.getByLabel('Mot de passe', { exact: true }).fill('mot de passe invité');
    await guest.getByLabel('Confirmation du mot de passe').fill('mot de passe invité');
    await guest.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await guest.getByRole('heading', { name: 'Votre mot de passe est enregistré' }).waitFor();
    await guest.getByRole('term').filter({ hasText: 'Calendrier d’Apple sur Mac' }).waitFor();
    await grantClipboard(guest);
    await guest.getByRole('button', { name: 'Copier', exact: true }).click();
    await guest.getByRole('status').filter({ hasText: 'Copié' }).waitFor();
    expect(leftovers(await guest.locator('body').innerText(), ENGLISH_GUEST)).toEqual([]);
    await expectNoAxeViolations(guest, 'the French guest final page');
  });
});
