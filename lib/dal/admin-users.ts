import 'server-only';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { getDb, isUniqueViolation, type Transaction } from '@/db';
import { feedTokens, memberships, teams, users } from '@/db/schema';
import type {
  ChangeUserRoleInput,
  CreateUserInput,
  SetUserDisabledInput,
  UserSearchInput,
} from '@/lib/admin-validation';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import { isLanguage, storedLocale, type Language } from '@/lib/i18n/locales';
import { appUrl, personInvitationMail } from '@/lib/mail/messages';
import { generateSetupSecret, SETUP_LINK_LIFETIME_DAYS } from '@/lib/password-setup';
import type { RequestInfo } from '@/lib/request-info';
import type { Actor } from './actor';
import {
  anyContains,
  assertActiveAdmin,
  lockActiveAdmins,
  outerColumn,
  pageOf,
  PAGE_SIZE,
  type Page,
} from './admin-access';
import { recordAuditEvent } from './audit';
import { queueMail } from './outbox';
import { bumpCalendarVersionsOfUser } from './calendar-version';
import { endSessionsOfUser } from './sessions';

// Users as admins manage them: list and search, create with a one-time password-setup link, change
// role, disable and enable. Hashes never leave this module; a setup secret leaves it once.

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'member';
  disabled: boolean;
  passwordSet: boolean;
  /** When the unused setup link stops working (possibly already past); null when there is none. */
  setupLinkExpiresAt: Date | null;
  teamCount: number;
  activeTokenCount: number;
  createdAt: Date;
}

export interface AdminUserDetail extends AdminUserRow {
  memberships: Array<{ teamId: string; name: string; slug: string; role: 'manager' | 'member' }>;
}

/** A setup link just issued: the only moment its secret exists outside the person's browser. */
export interface IssuedSetupLink {
  userId: string;
  email: string;
  name: string;
  secret: string;
  expiresAt: Date;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  passwordSet: sql<boolean>`${users.passwordHash} is not null`,
  setupLinkExpiresAt: users.passwordSetupExpiresAt,
  teamCount: sql<number>`(select count(*)::int from ${memberships}
    where ${memberships.userId} = ${outerColumn(users, 'id')})`,
  activeTokenCount: sql<number>`(select count(*)::int from ${feedTokens}
    where ${feedTokens.ownerId} = ${outerColumn(users, 'id')} and ${feedTokens.revokedAt} is null
      and (${feedTokens.expiresAt} is null or ${feedTokens.expiresAt} > now()))`,
  createdAt: users.createdAt,
};

function toRow({
  disabledAt,
  ...row
}: { disabledAt: Date | null } & Omit<AdminUserRow, 'disabled'>) {
  return { ...row, disabled: disabledAt !== null };
}

/** Every user, or those whose name or email contains `q`, by name, one page at a time. */
export async function listUsers(actor: Actor, input: UserSearchInput): Promise<Page<AdminUserRow>> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const where = input.q ? anyContains(input.q, users.name, users.email) : undefined;
  const [{ total }] = (await db.select({ total: count() }).from(users).where(where)) as [
    { total: number },
  ];
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(PAGE_SIZE)
    .offset((input.page - 1) * PAGE_SIZE);
  return pageOf(rows.map(toRow), total, input.page);
}

/** One user with their teams; `not_found` for an unknown id (and for anyone but an admin). */
export async function getUserForAdmin(actor: Actor, userId: string): Promise<AdminUserDetail> {
  const db = getDb();
  await assertActiveAdmin(db, actor);
  const [user] = await db.select(userColumns).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('not_found', new TranslatableText('admin.errors.personNotFound'));
  const teamsOfUser = await db
    .select({ teamId: teams.id, name: teams.name, slug: teams.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(teams.name));
  return { ...toRow(user), memberships: teamsOfUser };
}

const setupExpiry = sql`now() + make_interval(days => ${SETUP_LINK_LIFETIME_DAYS})`;

/**
 * The person's setup link, by mail: they need not wait for the admin to pass it on. In the
 * person's language once one is chosen for them; until then in the admin's — their profile's
 * choice, else the language their browser reads TeamCal in (`adminLanguage`).
 */
async function queueInvitation(
  tx: Transaction,
  admin: Actor,
  person: { id: string; email: string; name: string; timeZone: string; locale: string | null },
  link: { secret: string; expiresAt: Date },
  reissued: boolean,
  adminLanguage: Language | undefined,
) {
  const language = [person.locale, admin.locale, adminLanguage].find(isLanguage);
  await queueMail(tx, [
    {
      kind: reissued ? 'user.password_setup_issued' : 'user.invitation',
      to: person.email,
      recipientUserId: person.id,
      mail: personInvitationMail({
        locale: storedLocale(language),
        name: person.name,
        invitedBy: admin.name,
        setupUrl: appUrl(`/setup-password/${link.secret}`),
        expiresAt: link.expiresAt,
        timeZone: person.timeZone,
        reissued,
      }),
    },
  ]);
}

/**
 * An admin creates an account; the person chooses their password through the link returned.
 * `adminLanguage` is the language the admin reads TeamCal in, for the invitation of a person whose
 * language follows their browser (see queueInvitation).
 */
export async function createUser(
  actor: Actor,
  { language, ...input }: CreateUserInput,
  request?: RequestInfo,
  adminLanguage?: Language,
): Promise<IssuedSetupLink> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const { secret, hash } = generateSetupSecret();
    const [user] = await tx
      .insert(users)
      .values({
        ...input,
        locale: isLanguage(language) ? language : null,
        passwordSetupHash: hash,
        passwordSetupExpiresAt: setupExpiry,
      })
      .returning({
        id: users.id,
        expiresAt: users.passwordSetupExpiresAt,
        timeZone: users.timeZone,
        locale: users.locale,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AppError('conflict', new TranslatableText('admin.errors.emailTaken'), {
            field: 'email',
          });
        throw error;
      });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'user.created',
      targetType: 'user',
      targetId: user!.id,
      details: { email: input.email, role: input.role },
      request,
    });
    await queueInvitation(
      tx,
      actor,
      { id: user!.id, ...input, timeZone: user!.timeZone, locale: user!.locale },
      { secret, expiresAt: user!.expiresAt! },
      false,
      adminLanguage,
    );
    return {
      userId: user!.id,
      email: input.email,
      name: input.name,
      secret,
      expiresAt: user!.expiresAt!,
    };
  });
}

/**
 * A new setup link for a user (a forgotten password, a lost invitation); any earlier one stops.
 * Mailed in the same language as an invitation, the admin's being this one's.
 */
export async function issuePasswordSetupLink(
  actor: Actor,
  userId: string,
  request?: RequestInfo,
  adminLanguage?: Language,
): Promise<IssuedSetupLink> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const { secret, hash } = generateSetupSecret();
    const [user] = await tx
      .update(users)
      .set({ passwordSetupHash: hash, passwordSetupExpiresAt: setupExpiry, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning({
        email: users.email,
        name: users.name,
        timeZone: users.timeZone,
        locale: users.locale,
        expiresAt: users.passwordSetupExpiresAt,
      });
    if (!user) throw new AppError('not_found', new TranslatableText('admin.errors.personNotFound'));
    await queueInvitation(
      tx,
      actor,
      { id: userId, ...user },
      { secret, expiresAt: user.expiresAt! },
      true,
      adminLanguage,
    );
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'user.password_setup_issued',
      targetType: 'user',
      targetId: userId,
      request,
    });
    return { userId, email: user.email, name: user.name, secret, expiresAt: user.expiresAt! };
  });
}

/** The target user, locked; `not_found` if unknown. Admins cannot change their own standing. */
async function lockTarget(tx: Transaction, actor: Actor, userId: string, ownMessage: string) {
  const admins = await lockActiveAdmins(tx, actor);
  if (userId === actor.id) throw new AppError('forbidden', ownMessage);
  const [user] = await tx
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!user) throw new AppError('not_found', new TranslatableText('admin.errors.personNotFound'));
  return { user, admins };
}

/**
 * Refuses a change that would leave no enabled admin. Admins cannot demote or disable themselves
 * and hold the admins' lock, so this holds by construction; the check keeps it so if that changes.
 */
function keepOneAdmin(admins: string[], losing: string): void {
  if (admins.filter((id) => id !== losing).length === 0)
    throw new AppError('conflict', new TranslatableText('admin.errors.lastAdmin'));
}

/** An admin makes another person an admin or a member; their feeds change with their rights. */
export async function changeUserRole(
  actor: Actor,
  input: ChangeUserRoleInput,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const { user, admins } = await lockTarget(
      tx,
      actor,
      input.userId,
      'You cannot change your own role: ask another admin.',
    );
    if (user.role === input.role) return;
    if (user.role === 'admin') keepOneAdmin(admins, user.id);
    await tx
      .update(users)
      .set({ role: input.role, updatedAt: sql`now()` })
      .where(eq(users.id, user.id));
    // What an admin's own subscriptions show (private types) depends on the role.
    await bumpCalendarVersionsOfUser(tx, user.id, { presentation: true });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'user.role_changed',
      targetType: 'user',
      targetId: user.id,
      details: { before: user.role, after: input.role },
      request,
    });
  });
}

/**
 * An admin disables or enables another person. A disabled person's sessions end at once and their
 * links answer 410 on the next fetch; enabling restores the links, and the person signs in again.
 */
export async function setUserDisabled(
  actor: Actor,
  input: SetUserDisabledInput,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const { user, admins } = await lockTarget(
      tx,
      actor,
      input.userId,
      'You cannot disable your own account: ask another admin.',
    );
    if ((user.disabledAt !== null) === input.disabled) return;
    if (input.disabled && user.role === 'admin') keepOneAdmin(admins, user.id);
    await tx
      .update(users)
      .set({ disabledAt: input.disabled ? sql`now()` : null, updatedAt: sql`now()` })
      .where(and(eq(users.id, user.id), input.disabled ? isNull(users.disabledAt) : undefined));
    if (input.disabled) await endSessionsOfUser(tx, user.id, 'disabled');
    await bumpCalendarVersionsOfUser(tx, user.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      targetType: 'user',
      targetId: user.id,
      request,
    });
  });
}
