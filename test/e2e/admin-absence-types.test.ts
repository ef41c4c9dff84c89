import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setupBrowser, signInAs } from '@/test/helpers/browser';

const browser = setupBrowser();

describe('the absence types’ admin pages', () => {
  it('an admin adds an absence type, a member finds it in the request form, renamed, and once retired it is gone from it', async () => {
    const admin = await browser.newPage({ clientAddress: '198.51.100.231' });
    await signInAs(admin, 'admin@example.com');
    await admin.getByRole('link', { name: 'Admin' }).click();
    await admin
      .getByRole('navigation', { name: 'Admin settings' })
      .getByRole('link', { name: 'Absence types' })
      .click();
    await admin.waitForURL(/\/admin\/absence-types$/);
    await admin.getByRole('row').filter({ hasText: 'Sick leave' }).getByText('Private').waitFor();

    const suffix = crypto.randomBytes(3).toString('hex');
    const label = `Jury duty ${suffix}`;
    const form = admin.getByRole('form', { name: 'Create an absence type' });
    await form.getByLabel('Name', { exact: true }).fill(label);
    await form.getByLabel('Colour', { exact: true }).fill('purple');
    await form.getByLabel('Needs approval').uncheck();
    // After the demo's types, so that their order in other tests' lists stays.
    await form.getByLabel('Position in lists (optional)').fill('90');
    await form.getByRole('button', { name: 'Create type' }).click();
    const colour = form.getByLabel('Colour', { exact: true });
    await form.getByText('Choose a colour as #rrggbb, like #2563eb.').waitFor();
    expect(await colour.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe(label);
    expect(await form.getByLabel('Needs approval').isChecked()).toBe(false);

    await form.getByLabel('Colour picker').fill('#7c3aed');
    expect(await colour.inputValue()).toBe('#7c3aed');
    await form.getByRole('button', { name: 'Create type' }).click();
    await admin.getByRole('status').getByText(`${label} created`).waitFor();
    const row = admin.getByRole('row').filter({ hasText: label });
    await row.getByText(`jury_duty_${suffix}`).waitFor();
    await row.getByText('Approved at once').waitFor();
    await row.getByText('Active', { exact: true }).waitFor();

    // The same name again makes the same key: refused on the key field.
    await form.getByLabel('Name', { exact: true }).fill(label);
    await form.getByRole('button', { name: 'Create type' }).click();
    await form
      .getByText(`“${label}” already has the key jury_duty_${suffix}: choose another key.`)
      .waitFor();
    expect(await form.getByLabel('Key (optional)').getAttribute('aria-invalid')).toBe('true');

    const member = await browser.newPage({ clientAddress: '198.51.100.232' });
    await signInAs(member, 'hugo@example.com');
    await member.goto('/absences');
    const type = member.getByLabel('Type');
    await type.locator('option', { hasText: label }).waitFor({ state: 'attached' });
    expect(await type.locator('option', { hasText: label }).textContent()).toBe(label);

    // Renamed on its page: the member's form reads the new name.
    const renamed = `Jury service ${suffix}`;
    await row.getByRole('link', { name: label }).click();
    await admin.getByRole('heading', { name: label }).waitFor();
    const settings = admin.getByRole('form', { name: 'Absence type settings' });
    expect(await settings.getByLabel('Key').inputValue()).toBe(`jury_duty_${suffix}`);
    await settings.getByLabel('Name', { exact: true }).fill(renamed);
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings
      .getByRole('status')
      .getByText(/^Saved\./)
      .waitFor();
    await admin.getByRole('heading', { name: renamed }).waitFor();
    await member.reload();
    await member.getByLabel('Type').locator('option', { hasText: renamed }).waitFor({
      state: 'attached',
    });

    admin.once('dialog', (dialog) => void dialog.accept());
    await admin.getByRole('button', { name: 'Retire' }).click();
    await admin
      .getByRole('status')
      .getByText(/^Retired: nobody can request it/)
      .waitFor();
    await admin.getByRole('button', { name: 'Restore' }).waitFor();

    await member.reload();
    await member.getByLabel('Type').locator('option', { hasText: 'Vacation' }).waitFor({
      state: 'attached',
    });
    expect(await member.getByLabel('Type').locator('option', { hasText: suffix }).count()).toBe(0);

    // The audit log tells it in words, with the type's name as it is now.
    await admin.goto('/admin/audit?action=absence_type');
    const events = admin.getByRole('region', { name: 'Audit events' });
    const renaming = events.getByRole('row').filter({
      hasText: `Changed the absence type “${renamed}”`,
    });
    await renaming.getByText(`${label} → ${renamed}`).waitFor();
    await events
      .getByRole('row')
      .filter({ hasText: `Retired the absence type “${renamed}”: it can no longer be requested` })
      .getByRole('link', { name: `${renamed} →` })
      .waitFor();
    const creation = events
      .getByRole('row')
      .filter({ hasText: `Created the absence type “${renamed}”` });
    await creation.getByText('#7c3aed').waitFor();
    expect(await events.innerText()).not.toMatch(/\b[0-9a-f]{8}(-[0-9a-f]{4})?\b|[{}"]/);
  });
});
