import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { feedTokens, outboxMessages, users } from '@/db/schema';
import { revokeToken, revokeUserTokens } from '@/lib/dal/admin-tokens';
import { EXPIRY_NOTICE_DAYS, queueDueLinkExpiryNotices } from '@/lib/dal/link-notices';
import { createAdminCast, createFeedToken } from '@/test/helpers/admin';
import { setupTestDatabase } from '@/test/helpers/database';

const db = setupTestDatabase();

async function mailsTo(email: string, kind: string) {
  return db()
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipient, email), eq(outboxMessages.kind, kind)));
}

/** A link created `ageDays` ago that stops working in `leftDays`. */
const lifetime = (ageDays: number, leftDays: number) => ({
  createdAt: sql`now() - make_interval(days => ${ageDays})`,
  expiresAt: sql`now() + make_interval(days => ${leftDays})`,
});

describe('link notices', () => {
  it('tells an owner once that a link enters its last two weeks, with how to renew it', async () => {
    const { team, member, manager } = await createAdminCast(db());
    const expiring = await createFeedToken(db(), {
      kind: 'personal',
      ownerId: member.id,
      teamId: team.id,
      ...lifetime(170, EXPIRY_NOTICE_DAYS - 1),
    });
    const guest = await createFeedToken(db(), {
      kind: 'guest',
      ownerId: manager.id,
      teamId: team.id,
      guestEmail: 'auditor@partner.example',
      ...lifetime(100, 3),
    });
    // Not yet due, already chosen short, revoked, or already past: no notice.
    const later = await createFeedToken(db(), {
      kind: 'personal',
      ownerId: manager.id,
      teamId: team.id,
      ...lifetime(10, EXPIRY_NOTICE_DAYS + 2),
    });
    await createFeedToken(db(), {
      kind: 'public',
      ownerId: manager.id,
      teamId: team.id,
      ...lifetime(0, 7),
    });
    await createFeedToken(db(), {
      kind: 'public',
      ownerId: manager.id,
      teamId: team.id,
      revokedAt: sql`now()`,
      ...lifetime(100, 5),
    });

    expect(await queueDueLinkExpiryNotices()).toBe(2);
    expect(await queueDueLinkExpiryNotices()).toBe(0);

    const [toMember, ...moreToMember] = await mailsTo(member.email, 'feed_token.expiring');
    expect(moreToMember).toHaveLength(0);
    expect(toMember!.subject).toBe(`A calendar link of yours expires soon: ${team.name}`);
    expect(toMember!.textBody).toContain(`Your subscription to “${team.name}” stops working on`);
    expect(toMember!.textBody).toContain(`Link: ${expiring.displayPrefix}…`);
    expect(toMember!.textBody).toContain(`/teams/${team.slug}`);
    expect(toMember!.textBody).toContain('generate a new link');
    const [toManager, ...moreToManager] = await mailsTo(manager.email, 'feed_token.expiring');
    expect(moreToManager).toHaveLength(0);
    expect(toManager!.textBody).toContain(
      `The guest share with auditor@partner.example you created for “${team.name}”`,
    );
    expect(guest.id).not.toBe(later.id);
  });

  it('marks the link but mails nobody when its owner turned notifications off', async () => {
    const { team, member } = await createAdminCast(db());
    await db().update(users).set({ notifyByMail: false }).where(eq(users.id, member.id));
    const link = await createFeedToken(db(), {
      kind: 'personal',
      ownerId: member.id,
      teamId: team.id,
      ...lifetime(170, 5),
    });
    expect(await queueDueLinkExpiryNotices()).toBe(1);
    expect(await mailsTo(member.email, 'feed_token.expiring')).toHaveLength(0);
    const [row] = await db().select().from(feedTokens).where(eq(feedTokens.id, link.id));
    expect(row!.expiryNoticeSentAt).not.toBeNull();
  });

  it('an admin’s revocation tells the owner with the reason, whatever their notification choice', async () => {
    const { team, admin, member, manager } = await createAdminCast(db());
    await db().update(users).set({ notifyByMail: false }).where(eq(users.id, member.id));
    const link = await createFeedToken(db(), {
      kind: 'personal',
      ownerId: member.id,
      teamId: team.id,
    });
    await revokeToken(admin, { tokenId: link.id, reason: 'Laptop reported stolen' });
    const [mail] = await mailsTo(member.email, 'feed_token.revoked');
    expect(mail!.subject).toBe(`A calendar link of yours was revoked: ${team.name}`);
    expect(mail!.textBody).toContain(
      `${admin.name}, an admin of TeamCal, revoked your subscription`,
    );
    expect(mail!.textBody).toContain('> Laptop reported stolen');

    // Revoking all of a person's links: one mail that lists them.
    const frontDesk = await createFeedToken(db(), {
      kind: 'public',
      ownerId: manager.id,
      teamId: team.id,
      label: 'Front desk',
    });
    const guest = await createFeedToken(db(), {
      kind: 'guest',
      ownerId: manager.id,
      teamId: team.id,
      guestEmail: `auditor-${team.slug}@example.org`,
    });
    await revokeUserTokens(admin, { userId: manager.id, reason: 'Left the company' });
    const toManager = await mailsTo(manager.email, 'feed_token.revoked');
    expect(toManager).toHaveLength(1);
    expect(toManager[0]!.subject).toBe('2 calendar links of yours were revoked');
    const text = toManager[0]!.textBody;
    expect(text).toContain(`${admin.name}, an admin of TeamCal, revoked 2 of your calendar links.`);
    expect(text).toContain(
      `The public link “Front desk” you created for “${team.name}” (${frontDesk.displayPrefix}…)`,
    );
    expect(text).toContain(
      `The guest share with auditor-${team.slug}@example.org you created for “${team.name}” (${guest.displayPrefix}…)`,
    );
    expect(text).toContain('> Left the company');
    expect(text).toContain(`/teams/${team.slug}`);
  });

  it('an admin revoking their own link gets no mail about it', async () => {
    const { team, admin } = await createAdminCast(db());
    const link = await createFeedToken(db(), {
      kind: 'personal',
      ownerId: admin.id,
      teamId: team.id,
    });
    await revokeToken(admin, { tokenId: link.id, reason: 'Not needed any more' });
    expect(await mailsTo(admin.email, 'feed_token.revoked')).toHaveLength(0);
  });
});
