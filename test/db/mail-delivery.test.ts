import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { guestShares, users } from '@/db/schema';
import { createUserSchema } from '@/lib/admin-validation';
import { createUser as addPerson } from '@/lib/dal/admin-users';
import { retryOutboxMessage } from '@/lib/dal/outbox';
import { findPasswordSetup } from '@/lib/dal/password-setup';
import {
  createGuestShare,
  findGuestSetup,
  listSharedLinks,
  reissueGuestSetup,
} from '@/lib/dal/shares';
import { formatMailDateTime } from '@/lib/mail/messages';
import { SETUP_LINK_LIFETIME_DAYS } from '@/lib/password-setup';
import { guestShareSchema } from '@/lib/validation';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createTeam, createUser } from '@/test/helpers/factories';
import { expectSameContent, htmlLinks, textLinks } from '@/test/helpers/mail';
import {
  FROM_ADDRESS,
  outboxRowsTo,
  PUBLIC_URL,
  reachNextAttempt,
  setupOutboxDelivery,
} from '@/test/helpers/outbox-delivery';
import { PERMANENT_REFUSAL, TEMPORARY_REFUSAL } from '@/test/helpers/smtp-server';

// The outbox sent through a real SMTP server (nodemailer's smtp-server) with the transport the app
// uses, and read back with mailparser: what the recipient gets, and what the outbox keeps. (Two
// workers at once, and a worker that stops mid-send: test/db/mail-workers.test.ts.)

const db = setupTestDatabase();
const { smtp, deliver } = setupOutboxDelivery();
const request = { ip: '203.0.113.60', userAgent: 'vitest' };

async function onlyRowTo(recipient: string) {
  const rows = await outboxRowsTo(db(), recipient);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

let guests = 0;
async function sharingTeam(teamName?: string) {
  const team = await createTeam(db(), teamName ? { name: teamName } : {});
  const manager = await createUser(db(), {
    name: 'Camille Martin',
    timeZone: 'America/New_York',
  });
  await addMember(db(), team.id, manager.id, 'manager');
  const calendar = { kind: 'team', slug: team.slug } as const;
  const share = (privacy: 'busy' | 'standard' | 'full' = 'busy') => {
    guests += 1;
    const email = `guest-${guests}-${team.slug}@partner.example`;
    return createGuestShare(
      manager,
      calendar,
      guestShareSchema.parse({ email, label: 'Partner', privacy }),
      request,
    ).then((created) => ({ ...created, email }));
  };
  return { team, manager, calendar, share };
}

const secretOf = (link: string) => /\/([A-Za-z0-9_-]{43})$/.exec(link)![1]!;

describe('mail sent through a real SMTP server', () => {
  it('a guest share’s invitation names who shared which calendar, the role, what the guest may do, and a working setup link with its expiry', async () => {
    const org = await sharingTeam('<script>alert("team")</script> Ops & Partners');
    const shared = await org.share('standard');
    expect((await onlyRowTo(shared.email)).state).toBe('queued');

    expect(await deliver([600])).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [mail] = await smtp().waitForMessages(1, { to: shared.email });
    expect(mail).toMatchObject({
      envelopeFrom: FROM_ADDRESS,
      envelopeTo: [shared.email],
      from: FROM_ADDRESS,
      to: [shared.email],
      subject: `Camille Martin shared the calendar “${org.team.name}” with you`,
    });
    expect(mail!.messageId).toMatch(/^<.+@.+>$/);

    const [share] = await db()
      .select({ createdAt: guestShares.createdAt, expiresAt: guestShares.setupExpiresAt })
      .from(guestShares)
      .where(eq(guestShares.id, shared.shareId));
    // Days on the database's calendar: an hour more or less across a change of clocks.
    const lifetime = share!.expiresAt!.getTime() - share!.createdAt.getTime();
    expect(Math.abs(lifetime - SETUP_LINK_LIFETIME_DAYS * 86_400_000)).toBeLessThanOrEqual(
      3_600_000,
    );
    const link = `${PUBLIC_URL}/guest/${shared.setupSecret}`;
    for (const line of [
      `Calendar: ${org.team.name}`,
      'Shared by: Camille Martin',
      'Your role: Viewer',
      'You can: view it in your calendar app: who is away or busy and what kind of absence or event it is, without notes',
      'You cannot: change anything or see anything else',
      link,
      `The link works once, until ${formatMailDateTime(share!.expiresAt!, 'America/New_York', 'en-GB')}.`,
    ])
      expect(mail!.text).toContain(line);
    expect(textLinks(mail!.text)).toEqual([link]);
    expect(htmlLinks(mail!.html)).toEqual([link]);
    expectSameContent(mail!);
    // The calendar's name is the manager's text: shown, never run.
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.html).toContain('&lt;script&gt;alert(&quot;team&quot;)&lt;/script&gt; Ops &amp;');

    // The link the guest received opens the setup.
    expect(await findGuestSetup(secretOf(textLinks(mail!.text)[0]!))).toEqual({
      email: shared.email,
      calendarName: org.team.name,
    });

    const row = await onlyRowTo(shared.email);
    expect(row).toMatchObject({ kind: 'guest_share.invitation', state: 'sent', attempts: 1 });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.lastResponse).toMatch(/^250 /);
    // Once sent, the outbox keeps the message without the link's secret.
    for (const body of [row.textBody, row.htmlBody]) {
      expect(body).not.toContain(shared.setupSecret);
      expect(body).toContain(`${PUBLIC_URL}/guest/[removed-once-sent]`);
    }
  });

  it('a new setup link for a guest comes in a new message, and the old link no longer opens', async () => {
    const org = await sharingTeam();
    const shared = await org.share();
    await deliver([600]);
    const [first] = await smtp().waitForMessages(1, { to: shared.email });
    const firstLink = textLinks(first!.text)[0]!;

    const { setupSecret } = await reissueGuestSetup(
      org.manager,
      org.calendar,
      shared.shareId,
      request,
    );
    expect(await deliver([600])).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [, second] = await smtp().waitForMessages(2, { to: shared.email });
    const secondLink = textLinks(second!.text)[0]!;
    expect(secondLink).toBe(`${PUBLIC_URL}/guest/${setupSecret}`);
    expect(secondLink).not.toBe(firstLink);
    expect(second!.text).toContain('Camille Martin sent you a new link to set up your access');
    expect(second!.text).toContain('Any earlier link no longer works.');
    expectSameContent(second!);
    expect(second!.messageId).not.toBe(first!.messageId);

    await expect(findGuestSetup(secretOf(firstLink))).rejects.toMatchObject({ code: 'gone' });
    expect((await findGuestSetup(secretOf(secondLink))).email).toBe(shared.email);
    expect((await outboxRowsTo(db(), shared.email)).map((row) => [row.kind, row.state])).toEqual([
      ['guest_share.invitation', 'sent'],
      ['guest_share.setup_reissued', 'sent'],
    ]);
  });

  it('a person an admin adds receives an invitation with a working setup link', async () => {
    const admin = await createUser(db(), { role: 'admin', name: 'Alex Admin' });
    const email = `nina-${Date.now()}@example.com`;
    const person = await addPerson(
      admin,
      createUserSchema.parse({ email, name: 'Nina Novak' }),
      request,
    );
    expect(await deliver([600])).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [mail] = await smtp().waitForMessages(1, { to: email });
    expect(mail!.subject).toBe('Alex Admin added you to TeamCal');
    expect(mail!.text).toMatch(/^Hello Nina Novak,/);
    const link = `${PUBLIC_URL}/setup-password/${person.secret}`;
    expect(textLinks(mail!.text)).toEqual([link]);
    // In the person's own time zone (the organisation's default, until they choose theirs).
    const [{ timeZone }] = (await db()
      .select({ timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, person.userId))) as [{ timeZone: string }];
    expect(mail!.text).toContain(
      `The link works once, until ${formatMailDateTime(person.expiresAt, timeZone, 'en-GB')}.`,
    );
    expectSameContent(mail!);
    expect(await findPasswordSetup(secretOf(link))).toMatchObject({ email, name: 'Nina Novak' });
    expect(await onlyRowTo(email)).toMatchObject({
      kind: 'user.invitation',
      state: 'sent',
      recipientUserId: person.userId,
    });
  });
});

describe('when the mail server refuses or is away', () => {
  it('a 451 answer keeps the message queued for a later try, and after the last try it fails with the server’s answer', async () => {
    smtp().answer(TEMPORARY_REFUSAL);
    const shared = await (await sharingTeam()).share();
    expect(await deliver([600, 600])).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let row = await onlyRowTo(shared.email);
    expect(row).toMatchObject({ state: 'queued', attempts: 1, sentAt: null });
    expect(row.lastResponse).toBe(`451 ${TEMPORARY_REFUSAL.message}`);
    expect(row.secondsUntilNextAttempt).toBeGreaterThan(590);
    expect(row.secondsUntilNextAttempt).toBeLessThanOrEqual(600);
    // Not due yet: nothing is tried.
    expect(await deliver([600, 600])).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await reachNextAttempt(db(), row.id);
    expect(await deliver([600, 600])).toEqual({ sent: 0, retrying: 1, failed: 0 });
    await reachNextAttempt(db(), row.id);
    expect(await deliver([600, 600])).toEqual({ sent: 0, retrying: 0, failed: 1 });
    row = await onlyRowTo(shared.email);
    expect(row).toMatchObject({ state: 'failed', attempts: 3, sentAt: null });
    expect(row.lastResponse).toBe(`451 ${TEMPORARY_REFUSAL.message}`);
    expect(smtp().received).toEqual([]);
    // A failed message keeps its link, for an admin to send it again.
    expect(row.textBody).toContain(`/guest/${shared.setupSecret}`);
  });

  it('a 550 answer fails the message at once; sent again by an admin, it arrives', async () => {
    const admin = await createUser(db(), { role: 'admin' });
    smtp().answer({ ...PERMANENT_REFUSAL, at: 'data' });
    const shared = await (await sharingTeam()).share();
    expect(await deliver([600, 600])).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const row = await onlyRowTo(shared.email);
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row.lastResponse).toBe(`550 ${PERMANENT_REFUSAL.message}`);

    smtp().answer({ kind: 'accept' });
    await retryOutboxMessage(admin, row.id);
    expect(await deliver([600, 600])).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [mail] = await smtp().waitForMessages(1, { to: shared.email });
    expect(textLinks(mail!.text)).toEqual([`${PUBLIC_URL}/guest/${shared.setupSecret}`]);
    expect(await onlyRowTo(shared.email)).toMatchObject({ state: 'sent', attempts: 1 });
    // Only a failed message can be sent again.
    await expect(retryOutboxMessage(admin, row.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('with the mail server down, sharing still succeeds; the message is tried again, then fails with the connection error', async () => {
    await smtp().stop();
    const org = await sharingTeam();
    const shared = await org.share();
    // The action committed: the share is listed and its setup link works.
    expect((await listSharedLinks(org.manager, org.calendar))[0]?.guest?.email).toBe(shared.email);
    expect((await findGuestSetup(shared.setupSecret)).email).toBe(shared.email);

    const reports = [];
    for (let round = 0; round < 3; round++) reports.push(await deliver([0, 0]));
    expect(reports).toEqual([
      { sent: 0, retrying: 1, failed: 0 },
      { sent: 0, retrying: 1, failed: 0 },
      { sent: 0, retrying: 0, failed: 1 },
    ]);
    const row = await onlyRowTo(shared.email);
    expect(row).toMatchObject({ state: 'failed', attempts: 3 });
    expect(row.lastResponse).toMatch(/ECONNREFUSED 127\.0\.0\.1:\d+/);
  });

  it('without SMTP_URL messages are held in the outbox, and no worker takes them', async () => {
    delete process.env.SMTP_URL;
    const shared = await (await sharingTeam()).share().finally(() => {
      process.env.SMTP_URL = smtp().url;
    });
    expect(await deliver([0])).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await onlyRowTo(shared.email)).toMatchObject({
      state: 'held',
      attempts: 0,
      sentAt: null,
    });
    expect(smtp().received).toEqual([]);
  });
});
