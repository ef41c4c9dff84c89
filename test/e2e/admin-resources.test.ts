import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setupBrowser, signInAs } from '@/test/helpers/browser';

const browser = setupBrowser();

describe('the resources’ admin pages', () => {
  it('an admin creates a room with a manager and a capacity, fixes a bad capacity, and disables the room', async () => {
    const admin = await browser.newPage({ clientAddress: '198.51.100.130' });
    await signInAs(admin, 'admin@example.com');
    await admin.getByRole('link', { name: 'Admin' }).click();
    await admin
      .getByRole('navigation', { name: 'Admin settings' })
      .getByRole('link', { name: 'Resources' })
      .click();
    await admin.waitForURL(/\/admin\/resources$/);

    const suffix = crypto.randomBytes(3).toString('hex');
    const name = `Board room ${suffix}`;
    const slug = `board-room-${suffix}`;
    const form = admin.getByRole('form', { name: 'Create a resource' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Address', { exact: true }).fill(slug);
    await form.getByLabel('Kind').selectOption('room');
    await form.getByLabel('Location (optional)').fill('Building B, 2nd floor');
    await form.getByLabel('Capacity (optional)').fill('a dozen');
    await form.getByLabel('Managers (optional)').fill('camille@example.com');
    await form.getByRole('button', { name: 'Create resource' }).click();

    const capacity = form.getByLabel('Capacity (optional)');
    await form.getByText('Enter the capacity as a number of people.').waitFor();
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await capacity.getAttribute('aria-describedby'))!.split(' ');
    expect(
      await admin.locator(`[id="${describedBy.at(-1)}"]`).textContent(),
      'the error is tied to its field',
    ).toBe('Enter the capacity as a number of people.');
    // What was typed stays.
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    expect(await form.getByLabel('Managers (optional)').inputValue()).toBe('camille@example.com');
    expect(await admin.getByRole('link', { name }).count()).toBe(0);

    await capacity.fill('12');
    await form.getByRole('button', { name: 'Create resource' }).click();
    await admin.getByRole('status').getByText(`${name} created`).waitFor();
    const row = admin.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      `${name}\n/resources/${slug}`,
      'Room',
      'Building B, 2nd floor',
      '12',
      'Booked at once when free',
      'Enabled',
    ]);

    await row.getByRole('link', { name }).click();
    await admin.waitForURL(new RegExp(`/admin/resources/${slug}$`));
    await admin.getByRole('heading', { name, level: 1 }).waitFor();
    const settings = admin.getByRole('form', { name: 'Resource settings' });
    expect(await settings.getByLabel('Page address').inputValue()).toBe(`/resources/${slug}`);
    expect(await settings.getByLabel('Capacity (optional)').inputValue()).toBe('12');
    expect(await settings.getByLabel('Managers (optional)').inputValue()).toBe(
      'camille@example.com',
    );
    await admin.getByRole('region', { name: 'Managers' }).getByText('Camille Martin').waitFor();
    expect(await admin.getByRole('link', { name: 'Resource page' }).getAttribute('href')).toBe(
      `/resources/${slug}`,
    );

    let question = '';
    admin.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await admin.getByRole('button', { name: 'Disable' }).click();
    await admin.getByRole('button', { name: 'Enable' }).waitFor();
    expect(question).toBe(
      `Disable ${name}? No new bookings; its links stop working; its history stays.`,
    );

    await admin.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').click();
    await admin.waitForURL(/\/admin\/resources$/);
    await admin.getByRole('row').filter({ hasText: name }).getByText('Disabled').waitFor();
  });

  it('a member gets a 404 for the resources’ admin pages', async () => {
    const hugo = await browser.newPage({ clientAddress: '198.51.100.131' });
    await signInAs(hugo, 'hugo@example.com');
    expect((await hugo.goto('/admin/resources'))?.status()).toBe(404);
    await hugo.getByRole('heading', { name: 'Page not found' }).waitFor();
  });
});
