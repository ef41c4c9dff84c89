import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { passwordResets, policy, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import { storedLocale } from '@/lib/i18n/locales';
import { appUrl, passwordResetMail } from '@/lib/mail/messages';
import { hashPassword } from '@/lib/passwords';
import {
  generateSetupSecret,
  hashSetupSecret,
  isWellFormedSetupSecret,
} from '@/lib/password-setup';
import type { RequestInfo } from '@/lib/request-info';
import { recordAuditEvent } from './audit';
import { queueMail } from './outbox';
import { countRateLimitHit, type RateLimitRule } from './rate-limits';
import { endSessionsOfUser } from './sessions';

// "Forgot password": a one-time link by mail, short-lived, of which only the SHA-256 is stored.
// Asking answers the same whether the address is known or not; using the link ends every session.

/** How long a reset link works: long enough to reach a mailbox, short enough to be worthless later. */
export const RESET_LINK_LIFETIME_MINUTES = 60;

// Per address, so that one machine cannot mail-bomb many people; per account, so that nobody's
// mailbox fills with resets. Both count before anything is looked up.
export const RESET_LIMIT_PER_ADDRESS: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };
export const RESET_LIMIT_PER_ACCOUNT: RateLimitRule = { limit: 3, windowSeconds: 60 * 60 };

const TOO_MANY = new TranslatableText('auth.errors.resetTooMany');

/**
 * Mails a reset link to the account of `email`, if there is one that may use a password. Says
 * nothing about whether there is: the caller shows the same answer either way.
 */
export async function requestPasswordReset(email: string, request: RequestInfo): Promise<void> {
  for (const [key, rule] of [
    [`password-reset:address:${request.ip ?? 'unknown'}`, RESET_LIMIT_PER_ADDRESS],
    [`password-reset:account:${email}`, RESET_LIMIT_PER_ACCOUNT],
  ] as const) {
    const state = await countRateLimitHit(key, rule);
    if (state.limited)
      throw new AppError('rate_limited', TOO_MANY, { retryAfterSeconds: state.retryAfterSeconds });
  }
  await getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        timeZone: users.timeZone,
        locale: users.locale,
        // With password sign-in off for members, a member's password would open nothing.
        mayUsePassword: sql<boolean>`${users.role} = 'admin' or (select ${policy.passwordSignInAllowed} from ${policy} where ${policy.id} = 1)`,
      })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.disabledAt)))
      .for('update');
    if (!user?.mayUsePassword) return;
    // One link at a time: asking again replaces the earlier one.
    await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    const { secret, hash } = generateSetupSecret();
    const [reset] = await tx
      .insert(passwordResets)
      .values({
        userId: user.id,
        secretHash: hash,
        expiresAt: sql`now() + make_interval(mins => ${RESET_LINK_LIFETIME_MINUTES})`,
      })
      .returning({ expiresAt: passwordResets.expiresAt });
    await queueMail(tx, [
      {
        kind: 'user.password_reset',
        to: user.email,
        recipientUserId: user.id,
        mail: passwordResetMail({
          locale: storedLocale(user.locale),
          name: user.name,
          resetUrl: appUrl(`/reset-password/${secret}`),
          expiresAt: reset!.expiresAt,
          timeZone: user.timeZone,
        }),
      },
    ]);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'user.password_reset_requested',
      targetType: 'user',
      targetId: user.id,
      request,
    });
  });
}

const UNUSABLE_LINK = new TranslatableText('auth.errors.resetUnusable');

/** Whose a reset link is, for the page; `gone` once used, replaced or expired. */
export async function findPasswordReset(secret: string): Promise<{ name: string; email: string }> {
  if (!isWellFormedSetupSecret(secret)) throw new AppError('gone', UNUSABLE_LINK);
  const [row] = await getDb()
    .select({ name: users.name, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.secretHash, hashSetupSecret(secret)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    );
  if (!row) throw new AppError('gone', UNUSABLE_LINK);
  return row;
}

/** Sets the new password, spends the link and ends every session of the person. */
export async function completePasswordReset(
  secret: string,
  password: string,
  request?: RequestInfo,
): Promise<{ email: string }> {
  await findPasswordReset(secret);
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    // One statement checks and spends the link: two submissions at once cannot both succeed.
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordResets.secretHash, hashSetupSecret(secret)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!reset) throw new AppError('gone', UNUSABLE_LINK);
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        // An unused invitation link would otherwise still set another password later.
        passwordSetupHash: null,
        passwordSetupExpiresAt: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.id, reset.userId), isNull(users.disabledAt)))
      .returning({ id: users.id, email: users.email });
    if (!user) throw new AppError('gone', UNUSABLE_LINK);
    const ended = await endSessionsOfUser(tx, user.id, 'password_changed');
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'user.password_reset',
      targetType: 'user',
      targetId: user.id,
      details: { sessionsEnded: ended },
      request,
    });
    return { email: user.email };
  });
}
