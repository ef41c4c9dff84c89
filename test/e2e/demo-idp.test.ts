import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, setupBrowser } from '@/test/helpers/browser';
import type { Page } from 'playwright-core';

// The embedded demo (the shared e2e server: embedded database, no OIDC_* variables) runs its own
// identity provider under /demo-idp, so "Sign in with …" works without any setup.

const browser = setupBrowser();

async function signInThroughDemoProvider(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with TeamCal Demo ID' }).click();
  await page
    .getByRole('heading', { name: 'Demo identity provider — not for production' })
    .waitFor();
  await page.getByLabel('Email or username').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('the embedded demo’s identity provider', () => {
  it('a demo person signs in through it and lands on their teams', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.40' });
    await signInThroughDemoProvider(page, 'Oscar@example.com');
    await page.waitForURL(/\/teams$/);
    await page.getByRole('heading', { name: 'My teams' }).waitFor();
    const teams = await page.getByRole('listitem').getByRole('link').allInnerTexts();
    expect(teams.map((t) => t.split('\n')[0])).toEqual(['Customer Support']);
  });

  it('someone TeamCal does not know is refused while the policy creates no accounts', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.41' });
    await signInThroughDemoProvider(page, 'newcomer@example.com');
    await page.waitForURL(/\/sign-in\?error=/);
    const alert = page.locator('form').getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      'You signed in with TeamCal Demo ID, but you have no TeamCal account yet. Ask an admin to add you.',
    );
  });

  it('a wrong password is refused at the provider', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.42' });
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in with TeamCal Demo ID' }).click();
    await page.getByLabel('Email or username').fill('oscar@example.com');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').getByText('Wrong email or password.').waitFor();
  });
});
