import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startAppServer, type AppServer } from '@/test/helpers/app-server';
import { setupBrowser, signIn, signInAs } from '@/test/helpers/browser';
import { parseFeed } from '@/test/helpers/feeds';
import { expectSameContent, textLinks } from '@/test/helpers/mail';
import {
  startSmtpServer,
  TEMPORARY_REFUSAL,
  waitFor,
  type TestSmtpServer,
} from '@/test/helpers/smtp-server';

// Mail end to end: the production server with a mail server (SMTP_URL) sends what the UI queues,
// and a guest follows the link they received; without one (the shared embedded server), an admin
// reads the message in the outbox and follows its link; a mail server that refuses or is down
// never breaks the action, and the outbox says why the message failed.

const browser = setupBrowser();
const MAIL_FROM_ADDRESS = 'teamcal@mail-test.example';
let smtp: TestSmtpServer;
let app: AppServer;
let dataDir: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teamcal-mail-'));
  const port = await freePort();
  app = await startAppServer(
    'mail',
    {
      TEAMCAL_DATA_DIR: dataDir,
      TRUST_PROXY_HOPS: '1',
      TEAMCAL_PUBLIC_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: smtp.url,
      MAIL_FROM: `TeamCal <${MAIL_FROM_ADDRESS}>`,
      // Two quick retries, so that a refused message fails within seconds.
      MAIL_RETRY_DELAYS: '1,1',
    },
    { port },
  );
});
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Camille (manager of Engineering) shares its calendar with `email` on the mail server's app. */
async function shareWithGuest(email: string, clientAddress: string): Promise<string> {
  const page = await browser.newPage({ baseUrl: app.baseUrl, clientAddress });
  await signInAs(page, 'camille@example.com');
  await page.goto('/teams/engineering');
  await page.getByRole('button', { name: 'Calendar', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Share externally/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Share Engineering outside TeamCal' });
  await dialog.getByRole('tab', { name: 'Guest with a password' }).click();
  const form = dialog.getByRole('form', { name: 'New guest share' });
  await form.getByLabel('Guest’s email').fill(email);
  await form.getByLabel('Label (e.g. their company)').fill('Partner');
  await form.getByRole('button', { name: 'Create guest share' }).click();
  // The share exists whatever the mail server does: its setup link is shown once.
  return dialog.getByLabel(/^Setup link/).inputValue();
}

/** Reloads the outbox until the message to `email` shows `state`; returns the row's text. */
async function outboxRowOnceItIs(admin: Page, email: string, state: string): Promise<string> {
  const row = admin.getByRole('row').filter({ hasText: email });
  let text = '';
  return waitFor(
    async () => {
      await admin.goto('/admin/outbox');
      text = (await row.count()) === 1 ? await row.innerText() : '';
      return text.includes(state) ? text : undefined;
    },
    {
      timeoutMs: 45_000,
      describe: () => `The outbox never showed the message to ${email} as ${state}: “${text}”.`,
    },
  );
}

describe('mail through a mail server', () => {
  it('a guest receives the invitation, chooses a password with its link, and reads the feed with it', async () => {
    const email = 'auditor.mail@partner.example';
    const shownLink = await shareWithGuest(email, '198.51.100.160');

    const [mail] = await smtp.waitForMessages(1, { to: email, timeoutMs: 30_000 });
    expect(mail).toMatchObject({
      envelopeFrom: MAIL_FROM_ADDRESS,
      from: MAIL_FROM_ADDRESS,
      to: [email],
      subject: 'Camille Martin shared the calendar “Engineering” with you',
    });
    expect(mail!.text).toContain('Your role: Viewer');
    expectSameContent(mail!);
    const [link] = textLinks(mail!.text);
    expect(link).toMatch(new RegExp(`^${app.baseUrl}/guest/[A-Za-z0-9_-]{43}$`));
    expect(link).toBe(shownLink);

    const guest = await browser.newPage({ baseUrl: app.baseUrl, clientAddress: '198.51.100.161' });
    await guest.goto(link!);
    await guest.getByRole('heading', { name: '“Engineering” is shared with you' }).waitFor();
    await guest.getByLabel('Password', { exact: true }).fill('auditor mail password');
    await guest.getByLabel('Password again').fill('auditor mail password');
    await guest.getByRole('button', { name: 'Set password' }).click();
    const feedUrl = await guest.getByLabel('Calendar address').inputValue();
    expect(feedUrl.startsWith(`${app.baseUrl}/api/ics/`)).toBe(true);

    expect((await fetch(feedUrl)).status).toBe(401);
    const authorization = `Basic ${Buffer.from(`${email}:auditor mail password`).toString('base64')}`;
    const response = await fetch(feedUrl, { headers: { authorization } });
    expect(response.status).toBe(200);
    const feed = parseFeed(await response.text());
    expect(feed.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(feed.property('x-wr-calname')).toContain('Engineering');

    // The admin sees it sent, without the link that was in it.
    const admin = await browser.newPage({ baseUrl: app.baseUrl, clientAddress: '198.51.100.162' });
    await signInAs(admin, 'admin@example.com');
    expect(await outboxRowOnceItIs(admin, email, 'Sent')).toContain(mail!.subject);
    await admin.getByRole('link', { name: mail!.subject }).click();
    await admin.getByRole('heading', { name: mail!.subject }).waitFor();
    expect(await admin.getByRole('main').innerText()).not.toContain(link!.split('/guest/')[1]);
  });

  it('when the mail server answers 451, the share still succeeds and the outbox shows the message failed with the server’s answer', async () => {
    smtp.answer(TEMPORARY_REFUSAL);
    try {
      const email = 'refused.guest@partner.example';
      expect(await shareWithGuest(email, '198.51.100.163')).toMatch(/\/guest\/[A-Za-z0-9_-]{43}$/);
      const admin = await browser.newPage({
        baseUrl: app.baseUrl,
        clientAddress: '198.51.100.164',
      });
      await signInAs(admin, 'admin@example.com');
      const row = await outboxRowOnceItIs(admin, email, 'Failed');
      expect(row).toContain(`451 ${TEMPORARY_REFUSAL.message}`);
      await admin
        .getByRole('row')
        .filter({ hasText: email })
        .getByRole('link', { name: /shared the calendar “Engineering” with you/ })
        .click();
      await admin.getByText('after 3 attempts').waitFor();
      expect(smtp.received.filter((mail) => mail.envelopeTo.includes(email))).toEqual([]);
    } finally {
      smtp.answer({ kind: 'accept' });
    }
  });

  it('when the mail server is down, the share still succeeds; the message fails with the connection error, and an admin sends it again once the server is back', async () => {
    const email = 'patient.guest@partner.example';
    const admin = await browser.newPage({ baseUrl: app.baseUrl, clientAddress: '198.51.100.166' });
    await signInAs(admin, 'admin@example.com');
    await smtp.stop();
    try {
      await shareWithGuest(email, '198.51.100.165');
      expect(await outboxRowOnceItIs(admin, email, 'Failed')).toMatch(/ECONNREFUSED/);
    } finally {
      await smtp.start();
    }

    await admin.goto('/admin/outbox?state=failed');
    await admin
      .getByRole('row')
      .filter({ hasText: email })
      .getByRole('link', { name: /shared the calendar “Engineering” with you/ })
      .click();
    await admin.getByRole('button', { name: 'Send again' }).click();
    // Queued again: the message is no longer failed, so there is nothing to send again.
    await admin.getByRole('button', { name: 'Send again' }).waitFor({ state: 'detached' });
    const [mail] = await smtp.waitForMessages(1, { to: email, timeoutMs: 30_000 });
    expect(textLinks(mail!.text)[0]).toMatch(/\/guest\/[A-Za-z0-9_-]{43}$/);
    await outboxRowOnceItIs(admin, email, 'Sent');
  });
});

describe('mail without a mail server (the embedded demo)', () => {
  it('an admin adds a person, reads the invitation in the outbox, follows its link, and the person signs in', async () => {
    const admin = await browser.newPage({ clientAddress: '198.51.100.168' });
    await signInAs(admin, 'admin@example.com');
    await admin.goto('/admin/users');
    const email = `olga.${Date.now()}@example.com`;
    const form = admin.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Email', { exact: true }).fill(email);
    await form.getByLabel('Name', { exact: true }).fill('Olga Outbox');
    await form.getByRole('button', { name: 'Add person' }).click();
    await admin.getByRole('status').getByText('Olga Outbox can now choose a password').waitFor();

    await admin.goto('/admin/outbox');
    await admin
      .getByRole('navigation', { name: 'Filter by state' })
      .getByRole('link', { name: 'In the outbox' })
      .click();
    await admin.waitForURL(/state=held/);
    const row = admin.getByRole('row').filter({ hasText: email });
    expect(await row.innerText()).toContain('In the outbox');
    await row.getByRole('link', { name: 'Alex Admin added you to TeamCal' }).click();
    await admin.getByRole('heading', { name: 'Alex Admin added you to TeamCal' }).waitFor();
    expect(await admin.locator('pre').innerText()).toMatch(/^Hello Olga Outbox,/);
    const html = admin.getByTitle('HTML part of the message');
    expect(await html.getAttribute('sandbox')).toBe('');
    await admin
      .frameLocator('iframe[title="HTML part of the message"]')
      .getByText('Olga Outbox', { exact: false })
      .first()
      .waitFor();
    expect(await admin.getByRole('button', { name: 'Send again' }).count()).toBe(0);

    await admin
      .getByRole('region', { name: 'Links in this message' })
      .getByRole('link', { name: /\/setup-password\// })
      .click();
    await admin.getByRole('heading', { name: 'Welcome, Olga Outbox' }).waitFor();
    await admin.getByLabel('New password', { exact: true }).fill('olga reads the outbox');
    await admin.getByLabel('Type it again', { exact: true }).fill('olga reads the outbox');
    await admin.getByRole('button', { name: 'Save password' }).click();
    await admin.getByRole('status').getByText('Your password is saved.').waitFor();

    const olga = await browser.newPage({ clientAddress: '198.51.100.169' });
    await signIn(olga, email, 'olga reads the outbox');
    await olga.waitForURL(/\/teams$/);
    await olga.getByRole('heading', { name: 'My teams' }).waitFor();
  });
});
