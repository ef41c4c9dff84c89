import { describe, expect, it } from 'vitest';
import { setupBrowser, signIn, signInAs } from '@/test/helpers/browser';

const browser = setupBrowser();

describe('the admin settings', () => {
  it('an admin adds a person, who chooses a password with the copied link and signs in', async () => {
    const admin = await browser.newPage({ clientAddress: '198.51.100.70' });
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: browser.baseUrl,
    });
    await signInAs(admin, 'admin@example.com');
    await admin.getByRole('link', { name: 'Admin' }).click();
    await admin
      .getByRole('navigation', { name: 'Admin settings' })
      .getByRole('link', { name: 'Users' })
      .click();
    await admin.waitForURL(/\/admin\/users$/);

    const email = `nina.${Date.now()}@example.com`;
    const form = admin.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Email', { exact: true }).fill(email);
    await form.getByLabel('Name', { exact: true }).fill('Nina Novak');
    await form.getByRole('button', { name: 'Add person' }).click();
    await admin.getByRole('status').getByText('Nina Novak can now choose a password').waitFor();
    await admin.getByRole('button', { name: 'Copy' }).click();
    await admin.getByRole('button', { name: 'Copied' }).waitFor();
    const link = await admin.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/setup-password\/[A-Za-z0-9_-]{43}$/);
    expect(await admin.getByLabel('Setup link for Nina Novak').inputValue()).toBe(link);
    await admin
      .getByRole('row', {
        name: new RegExp(`Nina Novak ${email.replace('.', '\\.')} Member Invited`),
      })
      .waitFor();

    const nina = await browser.newPage({ clientAddress: '198.51.100.71' });
    await nina.goto(link);
    await nina.getByRole('heading', { name: 'Welcome, Nina Novak' }).waitFor();
    await nina.getByLabel('New password', { exact: true }).fill('too short');
    await nina.getByLabel('Type it again', { exact: true }).fill('too short');
    await nina.getByRole('button', { name: 'Save password' }).click();
    await nina.getByText('Use at least 10 characters.').waitFor();
    await nina.getByLabel('New password', { exact: true }).fill('nina picks a long one');
    await nina.getByLabel('Type it again', { exact: true }).fill('nina picks a long one');
    await nina.getByRole('button', { name: 'Save password' }).click();
    await nina.getByRole('status').getByText('Your password is saved.').waitFor();
    await nina.getByRole('link', { name: 'Sign in' }).click();
    await signIn(nina, email, 'nina picks a long one');
    await nina.waitForURL(/\/teams$/);
    await nina.getByRole('heading', { name: 'My teams' }).waitFor();

    // The link worked once.
    await nina.goto(link);
    await nina.getByRole('heading', { name: 'This link no longer works' }).waitFor();
    await nina
      .getByRole('main')
      .getByRole('alert')
      .getByText(/already been used/)
      .waitFor();
  });

  it('an admin chooses a new person’s language, and the invitation goes in it, else in the admin’s', async () => {
    /** The subject of the held invitation to `email`, as the outbox lists it. */
    const invitationTo = async (page: typeof admin, email: string) => {
      await page.goto('/admin/outbox?state=held');
      return page.getByRole('row').filter({ hasText: email }).getByRole('link').first().innerText();
    };
    const admin = await browser.newPage({ clientAddress: '198.51.100.75' });
    await signInAs(admin, 'admin@example.com');
    await admin.goto('/admin/users');
    const form = admin.getByRole('form', { name: 'Add a person' });
    const language = form.getByLabel('Language', { exact: true });
    expect(await language.inputValue()).toBe('auto');
    expect(await language.locator('option').allInnerTexts()).toEqual([
      'As their browser asks',
      'English',
      'Français',
    ]);
    const lea = `lea.${Date.now()}@example.com`;
    await form.getByLabel('Email', { exact: true }).fill(lea);
    await form.getByLabel('Name', { exact: true }).fill('Léa Lang');
    await language.selectOption('fr');
    await form.getByRole('button', { name: 'Add person' }).click();
    await admin.getByRole('status').getByText('Léa Lang can now choose a password').waitFor();
    // After a success the form starts over from "automatic".
    expect(await language.inputValue()).toBe('auto');
    expect(await invitationTo(admin, lea)).toBe('Alex Admin vous a ajouté à TeamCal');

    // An admin reading TeamCal in French (their browser's choice) invites in French by default.
    // The same session in a French browser.
    const french = await browser.newPage({ clientAddress: '198.51.100.75', locale: 'fr-FR' });
    await french.context().addCookies(await admin.context().cookies());
    await french.goto('/admin/users');
    const frenchForm = french.getByRole('form', { name: 'Ajouter une personne' });
    const frenchLanguage = frenchForm.getByLabel('Langue', { exact: true });
    expect(await frenchLanguage.locator('option:checked').innerText()).toBe('Selon son navigateur');
    const paul = `paul.${Date.now()}@example.com`;
    await frenchForm.getByLabel('E-mail', { exact: true }).fill(paul);
    await frenchForm.getByLabel('Nom', { exact: true }).fill('Paul Petit');
    await frenchForm.getByRole('button', { name: 'Ajouter la personne' }).click();
    await french.getByRole('status').getByText('Paul Petit peut maintenant choisir').waitFor();
    expect(await invitationTo(french, paul)).toBe('Alex Admin vous a ajouté à TeamCal');
  });

  it('an admin finds a member’s new calendar link in the token audit, revokes it, and its feed answers 410', async () => {
    const manon = await browser.newPage({ clientAddress: '198.51.100.72' });
    await signInAs(manon, 'manon@example.com');
    await manon.goto('/teams/engineering');
    await manon.getByRole('button', { name: /^Calendar/ }).click();
    await manon.getByRole('menuitem', { name: /^Subscribe…/ }).click();
    await manon.getByRole('button', { name: 'Generate' }).click();
    const feedUrl = await manon.getByLabel('Your calendar address').inputValue();
    const token = /\/api\/ics\/(tcal_[0-9A-Za-z]+)\.ics$/.exec(feedUrl)![1]!;
    const prefix = token.slice(0, 11);
    expect((await fetch(feedUrl)).status).toBe(200);

    const admin = await browser.newPage({ clientAddress: '198.51.100.73' });
    await signInAs(admin, 'admin@example.com');
    await admin.goto('/admin/tokens');
    const filters = admin.getByRole('search', { name: 'Filter links' });
    await filters.getByLabel('Owner or guest').fill('manon');
    await filters.getByLabel('Kind').selectOption('personal');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await admin.waitForURL(/who=manon/);
    const row = admin.getByRole('row').filter({ hasText: `${prefix}…` });
    await row.getByText('Manon Petit').waitFor();
    await row.getByText('active', { exact: true }).waitFor();
    expect(await admin.getByText(token).count()).toBe(0);

    await row.getByRole('button', { name: `Revoke ${prefix}…` }).click();
    const form = row.getByRole('form', { name: `Revoke link ${prefix}` });
    await form.getByLabel('Reason').fill('Shared in a public channel');
    admin.once('dialog', (dialog) => void dialog.accept());
    await form.getByRole('button', { name: 'Revoke link' }).click();
    await row.getByText('revoked', { exact: true }).waitFor();
    await row.getByText(/by Alex Admin: Shared in a public channel/).waitFor();
    expect(await row.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
    expect((await fetch(feedUrl)).status).toBe(410);

    // The audit log says it in words: whose link, to which calendar, why — no id in sight.
    await admin.goto('/admin/audit?action=feed_token.revoked');
    const event = admin.getByRole('row').filter({ hasText: `${prefix}…` });
    await event
      .getByText(
        `Revoked Manon Petit’s subscription to “Engineering” (${prefix}…): Shared in a public channel`,
      )
      .waitFor();
    await event.getByRole('link', { name: 'Alex Admin' }).waitFor();
    expect(await event.innerText()).not.toMatch(/\b[0-9a-f]{8}(-[0-9a-f]{4})?\b|[{}"]/);
  });

  it('a member gets a 404 for the token audit and for its export', async () => {
    const hugo = await browser.newPage({ clientAddress: '198.51.100.74' });
    await signInAs(hugo, 'hugo@example.com');
    expect((await hugo.goto('/admin/tokens'))?.status()).toBe(404);
    await hugo.getByRole('heading', { name: 'Page not found' }).waitFor();
    const exported = await hugo.request.get('/admin/tokens/export');
    expect(exported.status()).toBe(404);
    expect(await exported.text()).not.toContain('tcal_');
  });
});
