import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { DatedText } from '@/lib/i18n/dated-text';
import { formatDate } from '@/lib/i18n/format';
import { TranslatableText } from '@/lib/i18n/translate';
import { hashPassword } from '@/lib/passwords';
import { hashSetupSecret, isWellFormedSetupSecret } from '@/lib/password-setup';
import type { RequestInfo } from '@/lib/request-info';
import { recordAuditEvent } from './audit';
import { endSessionsOfUser } from './sessions';

// The public side of password-setup links: the secret in the address is the only credential.
// A link works once (its hash is cleared when used) and until it expires.

export interface PasswordSetup {
  name: string;
  email: string;
  expiresAt: Date;
}

const UNKNOWN_LINK = new TranslatableText('auth.errors.setupUnknown');

/** Who a setup link is for, or `gone` with a message that says what to do. */
export async function findPasswordSetup(secret: string): Promise<PasswordSetup> {
  if (!isWellFormedSetupSecret(secret)) throw new AppError('gone', UNKNOWN_LINK);
  const [user] = await getDb()
    .select({
      name: users.name,
      email: users.email,
      expiresAt: users.passwordSetupExpiresAt,
      disabledAt: users.disabledAt,
      expired: sql<boolean>`${users.passwordSetupExpiresAt} <= now()`,
    })
    .from(users)
    .where(eq(users.passwordSetupHash, hashSetupSecret(secret)));
  if (!user || user.disabledAt) throw new AppError('gone', UNKNOWN_LINK);
  if (user.expired) {
    const expiredAt = user.expiresAt!;
    throw new AppError(
      'gone',
      new DatedText('auth.errors.setupExpired', {}, (locale) => ({
        date: formatDate(expiredAt.toISOString().slice(0, 10), locale),
      })),
    );
  }
  return { name: user.name, email: user.email, expiresAt: user.expiresAt! };
}

/** Sets the password of the link's person and uses the link up; a second use gets `gone`. */
export async function completePasswordSetup(
  secret: string,
  password: string,
  request?: RequestInfo,
): Promise<{ email: string }> {
  await findPasswordSetup(secret);
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    // One statement checks and uses the link, so two submissions at once cannot both succeed.
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        passwordSetupHash: null,
        passwordSetupExpiresAt: null,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(users.passwordSetupHash, hashSetupSecret(secret)),
          gt(users.passwordSetupExpiresAt, sql`now()`),
          isNull(users.disabledAt),
        ),
      )
      .returning({ id: users.id, email: users.email });
    if (!user) throw new AppError('gone', UNKNOWN_LINK);
    // A new password ends every session: whoever held the old one is signed out everywhere.
    const ended = await endSessionsOfUser(tx, user.id, 'password_changed');
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'user.password_set',
      targetType: 'user',
      targetId: user.id,
      details: ended > 0 ? { sessionsEnded: ended } : undefined,
      request,
    });
    return { email: user.email };
  });
}
