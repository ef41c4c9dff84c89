import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { signIn, setupBrowser } from '@/test/helpers/browser';

const browser = setupBrowser();

describe('signing in and out', () => {
  it('a member signs in, sees their teams, opens one and signs out', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.10' });
    await page.goto('/teams');
    await page.waitForURL(/\/sign-in\?callbackUrl=%2Fteams$/);

    await signIn(page, 'jules@example.com');
    await page.waitForURL(/\/teams$/);
    await expect(page.getByRole('heading', { name: 'My teams' }).isVisible()).resolves.toBe(true);
    const teamLinks = await page.getByRole('listitem').getByRole('link').allInnerTexts();
    expect(teamLinks.map((t) => t.split('\n')[0])).toEqual(['Customer Support', 'Engineering']);

    await page.getByRole('link', { name: /Engineering/ }).click();
    await page.waitForURL(/\/teams\/engineering$/);
    const members = page.getByRole('region', { name: /^Members in/ }).getByRole('table');
    expect(await members.getByRole('row').count()).toBe(10); // header + 9 members
    expect(await members.getByRole('row', { name: /Camille Martin/ }).innerText()).toContain(
      'Manager',
    );
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);

    await page.locator('summary', { hasText: 'Account menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto('/teams');
    await page.waitForURL(/\/sign-in/);
  });

  it('a wrong password shows an error and keeps the email typed', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.11' });
    await signIn(page, 'hugo@example.com', 'not the password');
    // Scoped to the form: Next's route announcer is an (empty) alert too.
    const alert = page.locator('form').getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Wrong email or password.');
    expect(await page.getByLabel('Email').inputValue()).toBe('hugo@example.com');
    expect(page.url()).toMatch(/\/sign-in/);
  });

  it('malformed input gets a message next to the field', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.12' });
    await signIn(page, 'not-an-email', '');
    const emailError = page.locator('#email-error');
    await emailError.waitFor();
    expect(await emailError.innerText()).toBe(
      'Enter a valid email address, like name@example.com.',
    );
    expect(await page.locator('#password-error').innerText()).toBe('Enter your password.');
    expect(await page.getByLabel('Email').getAttribute('aria-describedby')).toBe('email-error');
  });

  it('repeated failures from one address are slowed down with a clear message', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.13' });
    for (let attempt = 0; attempt < 10; attempt++) {
      await signIn(page, 'lea@example.com', `guess number ${attempt}`);
      await page.locator('form').getByRole('alert').waitFor();
    }
    await signIn(page, 'lea@example.com');
    await page
      .locator('form')
      .getByRole('alert')
      .getByText(/Too many failed sign-in attempts/)
      .waitFor();
    expect(page.url()).toMatch(/\/sign-in/);
  });

  it('a direct visit to a team page returns there after sign-in', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.14' });
    await page.goto('/teams/sales');
    await page.waitForURL(/callbackUrl=%2Fteams%2Fsales/);
    await page.getByLabel('Email').fill('maya@example.com');
    await page.getByLabel('Password').fill('teamcal-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/teams\/sales$/);
    await page.getByRole('heading', { name: 'Sales' }).waitFor();
  });

  it('no password or stack trace reaches the server log', () => {
    const log = fs.readFileSync(inject('serverLogPath'), 'utf8');
    expect(log).not.toContain('not the password');
    expect(log).not.toContain('guess number');
    expect(log).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
