import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages/en/calendar.json';
import { expectNoAxeViolations } from '@/test/helpers/axe';
import { expectNothingSticksOut } from '@/test/helpers/layout';
import { DEMO_PASSWORD, DESKTOP, PHONE, setupBrowser, signInAs } from '@/test/helpers/browser';
import { parseFeed } from '@/test/helpers/feeds';

// The Calendar menu and its dialogs as people meet them: with the keyboard only (where focus is
// after each step), with axe-core at desktop and phone widths, in French; a subscription's
// settings changed without a new address, a link that would show nothing refused, Regenerate
// confirmed, and Export with its choices.

const browser = setupBrowser();

const SALES_NAMES = [
  'Maya Johnson',
  'Ethan Williams',
  'Olivia Brown',
  'Liam Garcia',
  'Sofia Miller',
];

/** Waits until `locator` holds the focus; fails naming `step` and what holds it instead. */
async function expectFocus(page: Page, locator: Locator, step: string) {
  await locator.waitFor();
  await expect
    .poll(
      async () =>
        (await locator.evaluate((element) => element === document.activeElement))
          ? 'focused'
          : await page.evaluate(() => {
              const active = document.activeElement;
              return `focus is on <${active?.tagName.toLowerCase()}> ${active?.getAttribute('role') ?? ''} “${(active as HTMLElement | null)?.innerText?.slice(0, 40) ?? ''}”`;
            }),
      { message: step },
    )
    .toBe('focused');
}

/**
 * Tabs (keyboard only) until `locator` has the focus, never leaving `within` when given;
 * backwards with `key` 'Shift+Tab'.
 */
async function tabTo(
  page: Page,
  locator: Locator,
  step: string,
  within?: Locator,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
) {
  await locator.waitFor();
  for (let presses = 0; presses < 200; presses += 1) {
    if (await locator.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
    if (within)
      expect(
        await within.evaluate((element) => element.contains(document.activeElement)),
        `${step}: focus stays in the dialog`,
      ).toBe(true);
  }
  await expectFocus(page, locator, step);
}

const menuButton = (page: Page) => page.getByRole('button', { name: 'Calendar', exact: true });

/** Opens the Subscribe dialog (clicks: arranging), invalidates an active link, closes it. */
async function withoutActiveLink(page: Page, team: string, dialogName: string) {
  await page.goto(`/teams/${team}`);
  await menuButton(page).click();
  await page.getByRole('menuitem', { name: /^Subscribe/ }).click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  if ((await dialog.getByRole('button', { name: 'Invalidate' }).count()) > 0) {
    page.once('dialog', (confirm) => void confirm.accept());
    await dialog.getByRole('button', { name: 'Invalidate' }).click();
    await dialog.getByText(/^Link invalidated/).waitFor();
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.goto(`/teams/${team}`);
}

async function openSubscribe(page: Page, dialogName: string) {
  await menuButton(page).click();
  await page.getByRole('menuitem', { name: /^Subscribe/ }).click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  return dialog;
}

describe('the Calendar menu', () => {
  it('follows the menu button pattern with the keyboard only, and closes on an outside click', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.150' });
    await signInAs(page, 'maya@example.com');
    await page.goto('/teams/sales');
    const button = menuButton(page);
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const item = (name: RegExp) => page.getByRole('menuitem', { name });
    const subscribe = item(/^Subscribe/);
    const exportIcs = item(/^Export ICS/);
    const share = item(/^Share externally/);

    await tabTo(page, button, 'Tab reaches the Calendar button');
    await page.keyboard.press('Enter');
    await expectFocus(page, subscribe, 'Enter opens the menu on its first item');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('menu').getAttribute('aria-labelledby')).toBe(
      await button.getAttribute('id'),
    );
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, exportIcs, 'ArrowDown: the next item');
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, share, 'ArrowDown: the last item');
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, subscribe, 'ArrowDown on the last item wraps to the first');
    await page.keyboard.press('ArrowUp');
    await expectFocus(page, share, 'ArrowUp on the first item wraps to the last');
    await page.keyboard.press('Home');
    await expectFocus(page, subscribe, 'Home: the first item');
    await page.keyboard.press('End');
    await expectFocus(page, share, 'End: the last item');
    await page.keyboard.press('Escape');
    await expectFocus(page, button, 'Escape closes the menu and returns to its button');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('menu').count()).toBe(0);

    await page.keyboard.press('ArrowUp');
    await expectFocus(page, share, 'ArrowUp on the button opens the menu on its last item');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, subscribe, 'ArrowDown on the button opens it on its first item');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => button.getAttribute('aria-expanded'), { message: 'Tab closes' })
      .toBe('false');

    // A dialog opened from the menu gives the focus back to the menu's button when it closes.
    await tabTo(page, button, 'Shift+Tab back to the button', undefined, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const exportDialog = page.getByRole('dialog', { name: 'Export Sales' });
    await expectFocus(
      page,
      exportDialog.getByRole('radio', { name: /^Full details/ }),
      'Export opens on its first field, the ticked privacy level',
    );
    await page.keyboard.press('Escape');
    await exportDialog.waitFor({ state: 'hidden' });
    await expectFocus(page, button, 'closing the dialog returns to the Calendar button');

    // The pointer: a click elsewhere closes the menu.
    await button.click();
    await subscribe.waitFor();
    await page.getByRole('heading', { level: 1 }).click();
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('the Subscribe dialog', () => {
  it('runs with the keyboard only: generate, copy, change the settings, regenerate', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.151' });
    await signInAs(page, 'ines@example.com');
    await withoutActiveLink(page, 'engineering', 'Subscribe to Engineering');
    const button = menuButton(page);
    const dialog = page.getByRole('dialog', { name: 'Subscribe to Engineering' });

    await tabTo(page, button, 'Tab reaches the Calendar button');
    await page.keyboard.press('Enter');
    await expectFocus(page, page.getByRole('menuitem', { name: /^Subscribe/ }), 'menu opened');
    await page.keyboard.press('Enter');
    await expectFocus(
      page,
      dialog.getByRole('radio', { name: /^Names and types/ }),
      'the dialog opens on its first field, the ticked privacy level',
    );
    await page.keyboard.press('ArrowDown');
    await expectFocus(
      page,
      dialog.getByRole('radio', { name: /^Busy only/ }),
      'ArrowDown ticks the next level',
    );
    expect(await dialog.getByRole('radio', { name: /^Busy only/ }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await expectFocus(
      page,
      dialog.getByRole('group', { name: 'Types of absence' }).getByRole('checkbox').first(),
      'Tab: the first type of absence',
    );
    const generate = dialog.getByRole('button', { name: 'Generate' });
    await tabTo(page, generate, 'Tab reaches Generate', dialog);
    await page.keyboard.press('Enter');
    const copy = dialog.getByRole('button', { name: 'Copy', exact: true });
    await expectFocus(page, copy, 'after Generate: the new address’s Copy button');
    const address = await dialog.getByLabel('Your calendar address').inputValue();
    expect(address).toMatch(/\/api\/ics\/tcal_[0-9A-Za-z]+\.ics$/);
    await page.keyboard.press('Enter');
    // Headless Chromium may refuse the clipboard: then the address is selected and we say so.
    await dialog
      .getByRole('status')
      .getByText(/^Address copied to the clipboard\.$|^Copying is not allowed here/)
      .waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expectFocus(page, button, 'Escape closes the dialog and returns to the Calendar button');

    // Opened again: the active link and its settings, and the controls to change them.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const change = dialog.getByRole('button', { name: 'Change settings' });
    await expectFocus(page, change, 'with an active link, the dialog opens on its first control');
    const shows = dialog.getByRole('definition').filter({ hasText: /^Busy only/ });
    await shows.waitFor();
    await page.keyboard.press('Enter');
    await expectFocus(
      page,
      dialog.getByRole('radio', { name: /^Busy only/ }),
      'Change settings: the ticked privacy level',
    );
    await page.keyboard.press('ArrowUp');
    await expectFocus(page, dialog.getByRole('radio', { name: /^Names and types/ }), 'ArrowUp');
    const save = dialog.getByRole('button', { name: 'Save settings' });
    await tabTo(page, save, 'Tab reaches Save settings', dialog);
    await page.keyboard.press('Enter');
    await expectFocus(
      page,
      dialog.getByRole('status').filter({ hasText: /^Settings saved/ }),
      'after saving: the answer',
    );
    await dialog
      .getByRole('definition')
      .filter({ hasText: /^Names and types/ })
      .waitFor();
    expect((await fetch(address)).status).toBe(200);

    // Regenerate asks first; declined, nothing changes.
    const regenerate = dialog.getByRole('button', { name: 'Regenerate' });
    await tabTo(page, regenerate, 'Tab reaches Regenerate', dialog);
    const asked: string[] = [];
    page.once('dialog', (confirm) => {
      asked.push(confirm.message());
      void confirm.dismiss();
    });
    await page.keyboard.press('Enter');
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toBe(en.subscribe.regenerateConfirm);
    await expectFocus(page, regenerate, 'declined: focus stays on Regenerate');
    expect((await fetch(address)).status).toBe(200);
    page.once('dialog', (confirm) => void confirm.accept());
    await page.keyboard.press('Enter');
    await expectFocus(page, copy, 'after Regenerate: the new address’s Copy button');
    const renewed = await dialog.getByLabel('Your calendar address').inputValue();
    expect(renewed).not.toBe(address);
    expect((await fetch(address)).status).toBe(410);
    expect((await fetch(renewed)).status).toBe(200);

    // Invalidate: the answer takes the focus, then the options to generate a new link show.
    await page.keyboard.press('Escape');
    await expectFocus(page, button, 'closed again');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const invalidate = dialog.getByRole('button', { name: 'Invalidate' });
    await tabTo(page, invalidate, 'Tab reaches Invalidate', dialog);
    page.once('dialog', (confirm) => void confirm.accept());
    await page.keyboard.press('Enter');
    await expectFocus(
      page,
      dialog.getByRole('status').filter({ hasText: /^Link invalidated/ }),
      'after Invalidate: the answer',
    );
    await dialog.getByRole('button', { name: 'Generate' }).waitFor();
    expect((await fetch(renewed)).status).toBe(410);
  });

  it('changes a link’s settings without a new address: the same URL serves the new content', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.152' });
    await signInAs(page, 'ethan@example.com');
    await withoutActiveLink(page, 'sales', 'Subscribe to Sales');
    let dialog = await openSubscribe(page, 'Subscribe to Sales');
    await dialog.getByRole('radio', { name: /^Names and types/ }).check();
    await dialog.getByRole('button', { name: 'Generate' }).click();
    const address = await dialog.getByLabel('Your calendar address').inputValue();
    const prefix = address.slice(address.indexOf('tcal_'), address.indexOf('tcal_') + 11);

    const before = await fetch(address);
    expect(before.status).toBe(200);
    const named = parseFeed(await before.text());
    expect(named.events.some((e) => SALES_NAMES.some((n) => e.summary.includes(n)))).toBe(true);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    dialog = await openSubscribe(page, 'Subscribe to Sales');
    await dialog.getByText(`${prefix}…`).waitFor();
    await dialog.getByRole('button', { name: 'Change settings' }).click();
    const form = dialog.getByRole('form', { name: 'Change what the link shows' });
    await form.getByRole('radio', { name: /^Busy only/ }).check();
    await form.getByRole('checkbox', { name: 'Public holidays, as all-day events' }).check();
    await form.getByRole('button', { name: 'Save settings' }).click();
    await dialog.getByText(/^Settings saved/).waitFor();
    // The dialog shows every setting of the link, now the new ones, under the same prefix.
    await dialog
      .getByRole('definition')
      .filter({ hasText: /^Busy only/ })
      .waitFor();
    const settings = await dialog.locator('dl').innerText();
    expect(settings).toContain(`${prefix}…`);
    expect(settings).toMatch(/Types of absence\s+All, including types added later/);
    expect(settings).toMatch(/Team events\s+Included/);
    expect(settings).toMatch(/Pending requests\s+Not included/);
    expect(settings).toMatch(/Public holidays\s+Included/);
    expect(settings).toMatch(/Lifetime\s+\d+ days/);
    expect(settings).toMatch(/Expires\s+\S/);

    const after = await fetch(address);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const busy = parseFeed(await after.text());
    expect(busy.events.length).toBeGreaterThan(0);
    expect(busy.events.some((e) => SALES_NAMES.some((n) => e.summary.includes(n)))).toBe(false);
    // Public holidays (the United States' for Sales) are in it now.
    expect(busy.events.some((e) => e.uid.includes('holiday-'))).toBe(true);
  });

  it('refuses a link that would show nothing, next to the types', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.153' });
    await signInAs(page, 'olivia@example.com');
    await withoutActiveLink(page, 'sales', 'Subscribe to Sales');
    const dialog = await openSubscribe(page, 'Subscribe to Sales');
    const types = dialog.getByRole('group', { name: 'Types of absence' });
    for (const box of await types.getByRole('checkbox').all()) await box.uncheck();
    await dialog.getByRole('checkbox', { name: 'Team events' }).uncheck();
    expect(
      await dialog
        .getByRole('checkbox', { name: 'Public holidays, as all-day events' })
        .isChecked(),
    ).toBe(false);
    await dialog.getByRole('button', { name: 'Generate' }).click();
    const error = types.getByText(en.errors.showsNothing);
    await error.waitFor();
    expect(await types.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    await expectFocus(page, types.getByRole('checkbox').first(), 'focus goes to the types');
    expect(await dialog.getByLabel('Your calendar address').count()).toBe(0);
    // The server refuses it too, whatever the page sent.
    await types.getByRole('checkbox').first().check();
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await dialog.getByLabel('Your calendar address').waitFor();
  });
});

describe('Export', () => {
  it('downloads what was chosen: privacy, types, dates; the notice can be dismissed', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.154' });
    await signInAs(page, 'maya@example.com');
    await page.goto('/teams/sales');
    await menuButton(page).click();
    await page.getByRole('menuitem', { name: /^Export ICS/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Export Sales' });
    await dialog.getByRole('radio', { name: /^Busy only/ }).check();
    await dialog.getByRole('checkbox', { name: 'Team events' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Public holidays, as all-day events' }).uncheck();
    const from = await dialog.getByLabel('From').inputValue();
    const to = await dialog.getByLabel('To').inputValue();
    expect(from < to).toBe(true);
    // A year from the start of the default span: today is inside it, and the demo's absences.
    const end = `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`;
    await dialog.getByLabel('To').fill(end);

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download' }).click();
    const file = await download;
    const feed = parseFeed(fs.readFileSync((await file.path())!, 'utf8'));
    expect(feed.events.length).toBeGreaterThan(0);
    // Busy only: one word for every absence, no names; no holidays, no events; in the dates.
    expect(new Set(feed.events.map((e) => e.summary)).size).toBe(1);
    for (const event of feed.events) {
      expect(SALES_NAMES.some((n) => event.summary.includes(n))).toBe(false);
      expect(event.uid.includes('holiday-')).toBe(false);
      expect(event.start.getTime()).toBeLessThan(Date.parse(`${end}T00:00:00Z`) + 2 * 86_400_000);
      expect(event.end.getTime()).toBeGreaterThan(Date.parse(`${from}T00:00:00Z`) - 86_400_000);
    }

    const notice = dialog.getByRole('status').filter({ hasText: /^Downloaded sales-/ });
    await notice.waitFor();
    await dialog.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });
    await expectFocus(page, dialog.getByRole('button', { name: 'Download' }), 'after Dismiss');

    // The route checks what it is sent: 400 with each field's message.
    const bad = await page.request.get(
      '/api/calendars/team/sales/export?privacy=secret&from=2026-02-30&to=2025-01-01',
    );
    expect(bad.status()).toBe(400);
    const body = (await bad.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.error).toBe('bad_request');
    expect(body.fieldErrors.privacy).toEqual([en.errors.privacy]);
    expect(body.fieldErrors.from).toEqual([en.export.errors.fromMissing]);
    const nothing = await page.request.get(
      '/api/calendars/team/sales/export?privacy=busy&from=2026-01-01&to=2026-02-01',
    );
    expect(nothing.status()).toBe(400);
    expect(((await nothing.json()) as typeof body).fieldErrors.absenceTypeIds).toEqual([
      en.errors.showsNothing,
    ]);
  });
});

describe('axe-core', () => {
  for (const [width, viewport, email, team, name] of [
    ['desktop', DESKTOP, 'amelia@example.com', 'support', 'Customer Support'],
    ['phone', PHONE, 'maya@example.com', 'sales', 'Sales'],
  ] as const)
    it(`finds nothing with the menu and each dialog open, at ${width} width`, async () => {
      const page = await browser.newPage({
        clientAddress: width === 'desktop' ? '198.51.100.155' : '198.51.100.156',
        viewport,
      });
      await signInAs(page, email);
      await withoutActiveLink(page, team, `Subscribe to ${name}`);
      const fits = async (dialog: Locator, where: string) => {
        const box = (await dialog.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        await expectNothingSticksOut(page, `${where} (${width})`);
      };

      await menuButton(page).click();
      await page.getByRole('menu').waitFor();
      await fits(page.getByRole('menu'), 'the Calendar menu');
      await expectNoAxeViolations(page, `the Calendar menu (${width})`);
      await page.keyboard.press('Escape');

      const subscribe = await openSubscribe(page, `Subscribe to ${name}`);
      await fits(subscribe, 'Subscribe before Generate');
      await expectNoAxeViolations(page, `Subscribe before Generate (${width})`);
      await subscribe.getByRole('button', { name: 'Generate' }).click();
      await subscribe.getByLabel('Your calendar address').waitFor();
      await fits(subscribe, 'Subscribe after Generate');
      await expectNoAxeViolations(page, `Subscribe after Generate (${width})`);
      await subscribe.getByRole('button', { name: 'Close' }).click();
      await page.reload();
      const active = await openSubscribe(page, `Subscribe to ${name}`);
      await active.getByRole('button', { name: 'Change settings' }).waitFor();
      await expectNoAxeViolations(page, `Subscribe with an active link (${width})`);
      await active.getByRole('button', { name: 'Change settings' }).click();
      await active.getByRole('button', { name: 'Save settings' }).waitFor();
      await fits(active, 'Subscribe, changing the settings');
      await expectNoAxeViolations(page, `Subscribe, changing the settings (${width})`);
      await active.getByRole('button', { name: 'Close' }).click();

      await menuButton(page).click();
      await page.getByRole('menuitem', { name: /^Export ICS/ }).click();
      const exportDialog = page.getByRole('dialog', { name: `Export ${name}` });
      await exportDialog.waitFor();
      await fits(exportDialog, 'Export');
      await expectNoAxeViolations(page, `Export (${width})`);
      await exportDialog.getByRole('button', { name: 'Close' }).click();

      await page.getByRole('button', { name: 'Add event' }).click();
      await page.getByRole('form', { name: 'Add an event' }).waitFor();
      await expectNoAxeViolations(page, `the event editor (${width})`);
    });
});

/** Every English text of these parts of the catalogue that has no placeholder. */
function englishTexts(...parts: unknown[]): string[] {
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (!value.includes('{') && value.split(' ').length >= 2) texts.push(value);
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  parts.forEach(walk);
  return texts;
}

describe('in French', () => {
  it('the menu and the Subscribe dialog, before and after Generate, have no English left', async () => {
    const page = await browser.newPage({ clientAddress: '198.51.100.157', locale: 'fr-FR' });
    // Signed in on the French page, by its fields' names.
    await page.goto('/sign-in');
    await page.locator('input[name="email"]').fill('liam@example.com');
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await page.waitForURL(/\/teams$/);
    await page.goto('/teams/sales');
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^fr/);
    const english = [
      ...englishTexts(en.menu, en.dialog, en.privacy, en.choices, en.subscribe, en.issued),
      'Subscribe',
      'Generate',
      'Calendar',
    ];
    // Whole words: “iCalendar (ICS)”, a format's name, is not the English “Calendar”.
    const escape = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const leftovers = (text: string) =>
      english.filter((phrase) =>
        new RegExp(`(?<![\\p{L}])${escape(phrase)}(?![\\p{L}])`, 'u').test(text),
      );

    const button = page.getByRole('button', { name: 'Agenda', exact: true });
    await button.click();
    const menu = page.getByRole('menu');
    expect(leftovers(await menu.innerText())).toEqual([]);
    await page.getByRole('menuitem', { name: /^S’abonner/ }).click();
    const dialog = page.getByRole('dialog', { name: 'S’abonner à Sales' });
    await dialog.waitFor();
    if ((await dialog.getByRole('button', { name: 'Désactiver' }).count()) > 0) {
      page.once('dialog', (confirm) => void confirm.accept());
      await dialog.getByRole('button', { name: 'Désactiver' }).click();
      await dialog.getByRole('button', { name: 'Générer' }).waitFor();
    }
    await dialog.getByRole('radio', { name: /^Noms et types/ }).waitFor();
    expect(leftovers(await dialog.innerText())).toEqual([]);

    await dialog.getByRole('button', { name: 'Générer' }).click();
    await dialog.getByLabel('L’adresse de votre agenda').waitFor();
    await dialog.getByText('Votre lien est prêt.').waitFor();
    expect(leftovers(await dialog.innerText())).toEqual([]);
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    await page.reload();
    await button.click();
    await page.getByRole('menuitem', { name: /^S’abonner/ }).click();
    await dialog.getByRole('button', { name: 'Modifier les réglages' }).waitFor();
    const text = await dialog.innerText();
    expect(leftovers(text)).toEqual([]);
    expect(text).toMatch(/Expire le\s+\S/);
  });
});
