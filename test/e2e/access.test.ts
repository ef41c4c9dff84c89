import { describe, expect, it } from 'vitest';
import { setupBrowser, signInAs } from '@/test/helpers/browser';

const browser = setupBrowser();

describe('who sees what', () => {
  it('a member gets no admin page', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.20' });
    await signInAs(page, 'hugo@example.com');
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  });

  it('a member gets a 404 for a team they are not in', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.21' });
    await signInAs(page, 'hugo@example.com');
    expect((await page.goto('/teams/sales'))?.status()).toBe(404);
    expect((await page.goto('/teams/..%2Fadmin'))?.status()).toBe(404);
  });

  it('an admin sees the admin page and every team', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.22' });
    await signInAs(page, 'admin@example.com');
    // Teams the admin is in none of, among any that other tests created.
    const teams = await page.getByRole('listitem').getByRole('link').allInnerTexts();
    for (const name of ['Engineering', 'Sales', 'Customer Support'])
      expect(teams.some((team) => team.startsWith(name))).toBe(true);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    expect(await page.getByText('Signed in with a password').count()).toBeGreaterThan(0);
  });

  it('an unknown page shows the 404 page', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.23' });
    await signInAs(page, 'hugo@example.com');
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await page.getByRole('link', { name: 'Back to my teams' }).waitFor();
  });
});
