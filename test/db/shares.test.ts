import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { absenceTypes, feedTokens, guestShares, memberships, policy } from '@/db/schema';
import { revokeToken } from '@/lib/dal/admin-tokens';
import { openFeed } from '@/lib/dal/feed-access';
import {
  GUEST_LIMIT_PER_ADDRESS,
  GUEST_LIMIT_PER_SHARE_AND_ADDRESS,
  GUEST_SLOWDOWN_PER_SHARE,
} from '@/lib/dal/guest-credentials';
import {
  completeGuestSetup,
  createGuestShare,
  createPublicLink,
  findGuestSetup,
  listSharedLinks,
  reissueGuestSetup,
  revokeSharedLink,
} from '@/lib/dal/shares';
import { isAppError, type AppError } from '@/lib/errors';
import { guestShareSchema, publicLinkSchema } from '@/lib/validation';
import { setupTestDatabase } from '@/test/helpers/database';
import { addMember, createAbsenceType, createTeam, createUser } from '@/test/helpers/factories';

const db = setupTestDatabase();
const request = { ip: '203.0.113.50', userAgent: 'Thunderbird/140' };
const basic = (email: string, password: string) =>
  `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
const GUEST_PASSWORD = 'a long guest password';

async function organisation() {
  const team = await createTeam(db());
  const otherTeam = await createTeam(db());
  const manager = await createUser(db());
  const member = await createUser(db());
  const otherManager = await createUser(db());
  const admin = await createUser(db(), { role: 'admin' });
  await addMember(db(), team.id, manager.id, 'manager');
  await addMember(db(), team.id, member.id);
  await addMember(db(), otherTeam.id, otherManager.id, 'manager');
  await createAbsenceType(db());
  const typeIds = (await db().select({ id: absenceTypes.id }).from(absenceTypes)).map((t) => t.id);
  const publicLink = (overrides: Record<string, unknown> = {}) =>
    publicLinkSchema.parse({
      label: 'Mileage app',
      absenceTypeIds: typeIds,
      includeTeamEvents: 'on',
      expiresInDays: '183',
      ...overrides,
    });
  const guest = guestShareSchema.parse({ email: 'Guest@Partner.example', label: 'Partner' });
  const calendar = { kind: 'team', slug: team.slug } as const;
  return { team, calendar, manager, member, otherManager, admin, publicLink, guest };
}

async function setPolicy(values: Partial<typeof policy.$inferInsert>) {
  await db().update(policy).set(values).where(eq(policy.id, 1));
}

describe('public links', () => {
  it('a manager creates one, busy by default, that outsiders read without private types', async () => {
    const org = await organisation();
    const link = await createPublicLink(org.manager, org.calendar, org.publicLink(), request);
    const access = await openFeed(link.token, request);
    expect(access).toMatchObject({ kind: 'public', privateTypes: 'none' });
    expect(access.options.privacy).toBe('busy');
    const [listed] = await listSharedLinks(org.manager, org.calendar);
    expect(listed).toMatchObject({
      id: link.id,
      kind: 'public',
      label: 'Mileage app',
      guest: null,
    });
  });

  it('is for the team’s managers and admins only', async () => {
    const org = await organisation();
    for (const outsider of [org.member, org.otherManager])
      await expect(
        createPublicLink(outsider, org.calendar, org.publicLink()),
      ).rejects.toMatchObject({ code: 'not_found' });
    await expect(listSharedLinks(org.member, org.calendar)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(createPublicLink(org.admin, org.calendar, org.publicLink())).resolves.toBeTruthy();
  });

  it('follows the policy: off, never-expiring, longest lifetime', async () => {
    const org = await organisation();
    await expect(
      createPublicLink(org.manager, org.calendar, org.publicLink({ expiresInDays: 'never' })),
    ).rejects.toMatchObject({ code: 'forbidden', field: 'expiresInDays' });
    await expect(
      createPublicLink(org.manager, org.calendar, org.publicLink({ expiresInDays: '400' })),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'expiresInDays' });
    await setPolicy({ neverExpiringLinksAllowed: true });
    const forever = await createPublicLink(
      org.manager,
      org.calendar,
      org.publicLink({ expiresInDays: 'never' }),
    );
    expect(forever.expiresAt).toBeNull();
    await setPolicy({ publicLinksAllowed: false });
    await expect(
      createPublicLink(org.manager, org.calendar, org.publicLink()),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // Turning public links off stops the existing ones too.
    await expect(openFeed(forever.token, request)).rejects.toMatchObject({ code: 'gone' });
    await setPolicy({ publicLinksAllowed: true, neverExpiringLinksAllowed: false });
  });

  it('stops when revoked, or when its creator is no longer a manager', async () => {
    const org = await organisation();
    const revoked = await createPublicLink(org.manager, org.calendar, org.publicLink());
    await revokeSharedLink(org.manager, org.calendar, revoked.id, request);
    await expect(openFeed(revoked.token, request)).rejects.toMatchObject({ code: 'gone' });
    await expect(
      revokeSharedLink(org.manager, org.calendar, revoked.id, request),
    ).rejects.toMatchObject({ code: 'not_found' });

    const demoted = await createPublicLink(org.manager, org.calendar, org.publicLink());
    await db()
      .update(memberships)
      .set({ role: 'member' })
      .where(and(eq(memberships.userId, org.manager.id), eq(memberships.teamId, org.team.id)));
    await expect(openFeed(demoted.token, request)).rejects.toMatchObject({ code: 'gone' });
  });
});

describe('guest shares', () => {
  it('a guest sets a password once and then reads the feed with HTTP Basic only', async () => {
    const org = await organisation();
    const { setupSecret } = await createGuestShare(org.manager, org.calendar, org.guest, request);
    expect(await findGuestSetup(setupSecret)).toEqual({
      email: 'guest@partner.example',
      calendarName: org.team.name,
    });
    const { token } = await completeGuestSetup(setupSecret, GUEST_PASSWORD, request);
    await expect(findGuestSetup(setupSecret)).rejects.toMatchObject({ code: 'gone' });
    await expect(
      completeGuestSetup(setupSecret, 'another password!', request),
    ).rejects.toMatchObject({
      code: 'gone',
    });

    await expect(openFeed(token, request)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(
      openFeed(token, request, basic('guest@partner.example', 'wrong password')),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(
      openFeed(token, request, basic('other@partner.example', GUEST_PASSWORD)),
    ).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const access = await openFeed(token, request, basic('Guest@partner.example', GUEST_PASSWORD));
    expect(access).toMatchObject({ kind: 'guest', privateTypes: 'none' });
    const [listed] = await listSharedLinks(org.manager, org.calendar);
    expect(listed!.guest).toMatchObject({ email: 'guest@partner.example', status: 'active' });
  });

  it('starts a guest link’s lifetime when the guest chooses their password, not when it was offered', async () => {
    const org = await organisation();
    const { setupSecret, shareId } = await createGuestShare(
      org.manager,
      org.calendar,
      org.guest,
      request,
    );
    // The guest takes five days to answer.
    await db()
      .update(feedTokens)
      .set({
        createdAt: sql`now() - interval '5 days'`,
        expiresAt: sql`now() + interval '178 days'`,
      })
      .where(eq(feedTokens.guestShareId, shareId));
    await completeGuestSetup(setupSecret, GUEST_PASSWORD, request);
    const [link] = await db()
      .select({ expiresAt: feedTokens.expiresAt })
      .from(feedTokens)
      .where(eq(feedTokens.guestShareId, shareId));
    const { maxTokenLifetimeDays } = (await db().select().from(policy))[0]!;
    const daysLeft = (link!.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(Math.round(daysLeft)).toBe(maxTokenLifetimeDays);
  });

  it('refuses an expired setup link, and a new one replaces the old', async () => {
    const org = await organisation();
    const { shareId, setupSecret } = await createGuestShare(org.manager, org.calendar, org.guest);
    await db()
      .update(guestShares)
      .set({ setupExpiresAt: sql`now() - interval '1 minute'` })
      .where(eq(guestShares.id, shareId));
    await expect(findGuestSetup(setupSecret)).rejects.toMatchObject({ code: 'gone' });
    const renewed = await reissueGuestSetup(org.manager, org.calendar, shareId, request);
    await expect(completeGuestSetup(renewed.setupSecret, GUEST_PASSWORD)).resolves.toMatchObject({
      email: 'guest@partner.example',
    });
  });

  it('never locks a guest out: after wrong passwords from many addresses, the right one still reads the feed, until the share is revoked', async () => {
    const org = await organisation();
    const { shareId, setupSecret } = await createGuestShare(org.manager, org.calendar, org.guest);
    const { token } = await completeGuestSetup(setupSecret, GUEST_PASSWORD);
    const answers = await Promise.all(
      Array.from({ length: GUEST_SLOWDOWN_PER_SHARE.limit + 15 }, (_, i) =>
        openFeed(
          token,
          { ip: `198.51.100.${i}`, userAgent: null },
          basic('guest@partner.example', `wrong ${i}`),
        ).catch((error: unknown) => (error as AppError).code),
      ),
    );
    expect(answers.every((answer) => answer === 'unauthenticated')).toBe(true);
    await expect(
      openFeed(token, request, basic('guest@partner.example', GUEST_PASSWORD)),
    ).resolves.toMatchObject({ kind: 'guest' });

    const [link] = await listSharedLinks(org.manager, org.calendar);
    await revokeSharedLink(org.manager, org.calendar, link!.id);
    const [share] = await db().select().from(guestShares).where(eq(guestShares.id, shareId));
    expect(share!.revokedAt).not.toBeNull();
    await expect(
      openFeed(
        token,
        { ip: '192.0.2.99', userAgent: null },
        basic('guest@partner.example', GUEST_PASSWORD),
      ),
    ).rejects.toMatchObject({ code: 'gone' });
  });

  it('checks at most the limit of passwords when 40 wrong ones arrive at once from one address, which is then refused even the right one', async () => {
    const org = await organisation();
    const { setupSecret } = await createGuestShare(org.manager, org.calendar, org.guest);
    const { token } = await completeGuestSetup(setupSecret, GUEST_PASSWORD);
    const from = { ip: '192.0.2.40', userAgent: null };
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        openFeed(token, from, basic('guest@partner.example', `burst ${i}`)).catch(
          (error: unknown) => error as AppError,
        ),
      ),
    );
    const codes = answers.map((answer) => (answer as AppError).code);
    const limit = GUEST_LIMIT_PER_SHARE_AND_ADDRESS.limit;
    expect(codes.filter((code) => code === 'unauthenticated')).toHaveLength(limit);
    expect(codes.filter((code) => code === 'rate_limited')).toHaveLength(40 - limit);
    expect(answers.find((answer) => (answer as AppError).code === 'rate_limited')).toMatchObject({
      retryAfterSeconds: expect.any(Number),
    });
    await expect(
      openFeed(token, from, basic('guest@partner.example', GUEST_PASSWORD)),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(
      openFeed(
        token,
        { ip: '192.0.2.41', userAgent: null },
        basic('guest@partner.example', GUEST_PASSWORD),
      ),
    ).resolves.toMatchObject({ kind: 'guest' });
  });

  it('refuses one address that guesses across many shares beyond the per-address limit', async () => {
    const org = await organisation();
    const tokens: string[] = [];
    for (let i = 0; i < 4; i++) {
      const guest = guestShareSchema.parse({ email: `g${i}@partner.example`, label: `G${i}` });
      const { setupSecret } = await createGuestShare(org.manager, org.calendar, guest);
      tokens.push((await completeGuestSetup(setupSecret, GUEST_PASSWORD)).token);
    }
    const from = { ip: '192.0.2.60', userAgent: null };
    // Under the per-share limit on each share, over the per-address limit in total.
    const perShare = Math.min(GUEST_LIMIT_PER_SHARE_AND_ADDRESS.limit, 9);
    const answers = await Promise.all(
      tokens.flatMap((token, t) =>
        Array.from({ length: perShare }, (_, i) =>
          openFeed(token, from, basic(`g${t}@partner.example`, `guess ${i}`)).catch(
            (error: unknown) => (error as AppError).code,
          ),
        ),
      ),
    );
    const expectedChecked = Math.min(GUEST_LIMIT_PER_ADDRESS.limit, tokens.length * perShare);
    expect(answers.filter((code) => code === 'unauthenticated')).toHaveLength(expectedChecked);
    expect(answers.filter((code) => code === 'rate_limited')).toHaveLength(
      tokens.length * perShare - expectedChecked,
    );
  });

  it('follows the policy and is for the team’s managers and admins only', async () => {
    const org = await organisation();
    await expect(createGuestShare(org.member, org.calendar, org.guest)).rejects.toMatchObject({
      code: 'not_found',
    });
    await setPolicy({ guestSharesAllowed: false });
    await expect(createGuestShare(org.admin, org.calendar, org.guest)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await setPolicy({ guestSharesAllowed: true });
  });
});

/** The domain code of an expected refusal; anything else (a deadlock, a bug) is thrown again. */
async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'done';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('guest shares under concurrent writes', () => {
  it('one address gets one active share per calendar, even from five clicks at once, and a clear answer for the others', async () => {
    const org = await organisation();
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => createGuestShare(org.manager, org.calendar, org.guest)),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === 'rejected'))
      expect(attempt.reason).toMatchObject({
        code: 'conflict',
        field: 'email',
        message: expect.stringContaining('guest@partner.example already has an active guest share'),
      });
    const sameAddress = guestShareSchema.parse({ email: 'GUEST@partner.example', label: 'Again' });
    await expect(createGuestShare(org.admin, org.calendar, sameAddress)).rejects.toMatchObject({
      code: 'conflict',
      field: 'email',
    });

    // Once it is revoked, the address may be given a new share.
    const [link] = await listSharedLinks(org.manager, org.calendar);
    await revokeSharedLink(org.manager, org.calendar, link!.id);
    await expect(createGuestShare(org.manager, org.calendar, sameAddress)).resolves.toBeTruthy();
  });

  it('a guest finishing setup while a manager and an admin revoke the share never deadlocks, and the share ends revoked', async () => {
    const org = await organisation();
    const later = (ms: number, work: () => Promise<unknown>) => pause(ms).then(work);
    for (let round = 0; round < 4; round++) {
      const shares = [];
      for (let i = 0; i < 20; i++) {
        const email = `guest-${round}-${i}@partner.example`;
        const guest = guestShareSchema.parse({ email, label: 'Partner' });
        const { shareId, setupSecret } = await createGuestShare(org.manager, org.calendar, guest);
        const [token] = await db()
          .select({ id: feedTokens.id })
          .from(feedTokens)
          .where(eq(feedTokens.guestShareId, shareId));
        shares.push({ shareId, setupSecret, tokenId: token!.id });
      }
      // Setup hashes the password before its transaction starts: revocations staggered over the
      // hashing time meet the setups' transactions at varying points.
      const answers = await Promise.all(
        shares.map(({ setupSecret, tokenId }, i) =>
          Promise.all([
            outcome(completeGuestSetup(setupSecret, GUEST_PASSWORD, request)),
            outcome(
              later((i * 37 + round * 11) % 120, () =>
                revokeSharedLink(org.manager, org.calendar, tokenId),
              ),
            ),
            outcome(
              later((i * 53 + round * 7) % 120, () =>
                revokeToken(org.admin, { tokenId, reason: 'Contract ended' }),
              ),
            ),
          ]),
        ),
      );
      for (const [setup, managerRevoke, adminRevoke] of answers) {
        expect(['done', 'gone']).toContain(setup);
        expect(['done', 'not_found']).toContain(managerRevoke);
        expect(['done', 'conflict']).toContain(adminRevoke);
        expect([managerRevoke, adminRevoke]).toContain('done');
      }
      const ids = shares.map((share) => share.shareId);
      const live = await db()
        .select({ id: feedTokens.id })
        .from(feedTokens)
        .innerJoin(guestShares, eq(guestShares.id, feedTokens.guestShareId))
        .where(
          and(
            inArray(guestShares.id, ids),
            sql`(${feedTokens.revokedAt} is null or ${guestShares.revokedAt} is null)`,
          ),
        );
      expect(live).toEqual([]);
    }
  });
});
