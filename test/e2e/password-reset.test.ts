import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setupBrowser, signIn, signInAs } from '@/test/helpers/browser';

const browser = setupBrowser();
const ADMIN = 'admin@example.com';

/** The admin opens the newest outbox message with `subject` to `email` and returns its link. */
async function linkFromOutbox(admin: Page, email: string, subject: string, path: string) {
  await admin.goto('/admin/outbox');
  await admin
    .getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) })
    .filter({ hasText: subject })
    .first()
    .getByRole('link', { name: subject })
    .click();
  await admin.getByRole('heading', { name: subject }).waitFor();
  expect(await admin.getByText('In the outbox').isVisible()).toBe(true);
  const links = admin.getByRole('region', { name: 'Links in this message' }).getByRole('link');
  const href = await links.filter({ hasText: path }).first().getAttribute('href');
  expect(href).toMatch(new RegExp(`${path}[A-Za-z0-9_-]{43}$`));
  return href!;
}

async function choosePassword(page: Page, password: string) {
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Type it again', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Save password' }).click();
}

describe('forgot password, through the outbox of the embedded mode', () => {
  it('a new person gets their invitation and a reset link by mail; a reset ends their other sessions', async () => {
    const admin = await browser.newPage({ clientAddress: '198.51.100.150' });
    await signInAs(admin, ADMIN);
    await admin.goto('/admin/users');
    const email = `rosa.${Date.now()}@example.com`;
    const form = admin.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Email', { exact: true }).fill(email);
    await form.getByLabel('Name', { exact: true }).fill('Rosa Reset');
    await form.getByRole('button', { name: 'Add person' }).click();
    await admin.getByText(`the message to ${email} waits in the outbox`).waitFor();

    // The invitation, read in the outbox: its link sets the first password.
    const invitation = await linkFromOutbox(
      admin,
      email,
      'Alex Admin added you to TeamCal',
      '/setup-password/',
    );
    const rosa = await browser.newPage({ clientAddress: '198.51.100.151' });
    await rosa.goto(invitation);
    await choosePassword(rosa, 'rosa first passphrase');
    await rosa.getByText('Your password is saved').waitFor();
    await signIn(rosa, email, 'rosa first passphrase');
    await rosa.waitForURL(/\/teams$/);

    // Forgot it on another device.
    const phone = await browser.newPage({ clientAddress: '198.51.100.152' });
    await phone.goto('/sign-in');
    await phone.getByRole('link', { name: 'Forgot your password?' }).click();
    await phone.waitForURL(/\/forgot-password$/);
    await phone.getByLabel('Email').fill(email);
    await phone.getByRole('button', { name: 'Send me a reset link' }).click();
    const answer = await phone.getByRole('status').innerText();
    expect(answer).toContain(`If ${email} belongs to a TeamCal account`);

    const reset = await linkFromOutbox(
      admin,
      email,
      'Reset your TeamCal password',
      '/reset-password/',
    );
    await phone.goto(reset);
    await phone.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await choosePassword(phone, 'rosa second passphrase');
    await phone.getByText('you were signed out everywhere').waitFor();

    // The laptop's session ended; the old password no longer works, the new one does.
    await rosa.goto('/teams');
    await rosa.waitForURL(/\/sign-in/);
    await signIn(rosa, email, 'rosa first passphrase');
    await rosa.locator('form').getByRole('alert').getByText('Wrong email or password.').waitFor();
    await signIn(rosa, email, 'rosa second passphrase');
    await rosa.waitForURL(/\/teams$/);

    // The link worked once.
    await phone.goto(reset);
    await phone.getByRole('heading', { name: 'This link no longer works' }).waitFor();
  });

  it('an unknown address gets the same answer, and bad input a message next to the field', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.153' });
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill('not an email');
    await page.getByRole('button', { name: 'Send me a reset link' }).click();
    await page.locator('#email-error').waitFor();
    await page.getByLabel('Email').fill('nobody.here@example.com');
    await page.getByRole('button', { name: 'Send me a reset link' }).click();
    expect(await page.getByRole('status').innerText()).toContain(
      'If nobody.here@example.com belongs to a TeamCal account',
    );
  });
});
