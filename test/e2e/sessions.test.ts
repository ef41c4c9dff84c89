import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupBrowser, signInAs } from '@/test/helpers/browser';

const browser = setupBrowser();

/** The browser's cookies as one Cookie header, to replay them from outside the browser. */
async function cookieHeader(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes('session-token'))).toBe(true);
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** GET /teams over plain HTTP with a copied cookie: where does the server send it? */
async function teamsWith(cookie: string): Promise<{ url: string; body: string }> {
  const response = await fetch(`${browser.baseUrl}/teams`, { headers: { cookie } });
  return { url: response.url, body: await response.text() };
}

describe('sessions that end', () => {
  it('a copy of the cookie stops working once its person signs out', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.90' });
    await signInAs(page, 'ethan@example.com');
    const cookie = await cookieHeader(page);
    const before = await teamsWith(cookie);
    expect(before.url).toMatch(/\/teams$/);
    expect(before.body).toContain('My teams');

    await page.locator('summary', { hasText: 'Account menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);

    const after = await teamsWith(cookie);
    expect(after.url).toMatch(/\/sign-in/);
    expect(after.body).not.toContain('My teams');
  });

  it('an admin’s “sign out everywhere” ends every session of the person at once', async () => {
    const laptop = await browser.newPage({ clientAddress: '198.51.100.91' });
    const phone = await browser.newPage({ clientAddress: '198.51.100.92' });
    await signInAs(laptop, 'olivia@example.com');
    await signInAs(phone, 'olivia@example.com');
    const cookie = await cookieHeader(laptop);
    expect((await teamsWith(cookie)).url).toMatch(/\/teams$/);

    const admin = await browser.newPage({ clientAddress: '198.51.100.93' });
    await signInAs(admin, 'admin@example.com');
    await admin.goto('/admin/users?q=olivia');
    await admin.getByRole('link', { name: 'Olivia Brown' }).click();
    await admin.getByRole('heading', { name: 'Olivia Brown' }).waitFor();
    admin.once('dialog', (dialog) => void dialog.accept());
    await admin.getByRole('button', { name: 'Sign out everywhere' }).click();
    await admin
      .getByRole('status')
      .getByText(/Signed out of \d+ sessions/)
      .waitFor();

    expect((await teamsWith(cookie)).url).toMatch(/\/sign-in/);
    await phone.goto('/teams');
    await phone.waitForURL(/\/sign-in/);
    // The admin's own session goes on.
    await admin.goto('/teams');
    await admin.waitForURL(/\/teams$/);
  });
});
