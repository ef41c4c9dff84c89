import 'server-only';
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb, isUniqueViolation, type Transaction } from '@/db';
import { resourceManagers, resources, users } from '@/db/schema';
import type {
  CreateResourceInput,
  SetResourceEnabledInput,
  UpdateResourceInput,
} from '@/lib/admin-validation';
import { AppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import type { RequestInfo } from '@/lib/request-info';
import type { Actor } from './actor';
import { assertActiveAdmin } from './admin-access';
import { recordAuditEvent } from './audit';
import { bumpResourceCalendarVersion } from './calendar-version';
import { findCalendarForActor, type ActorCalendar } from './calendars';

// Rooms, equipment and vehicles: admins create them and name their managers; every member sees
// and books the enabled ones (lib/dal/bookings.ts); managers confirm requests and share them.

export type ResourceKind = 'room' | 'equipment' | 'vehicle' | 'other';

export interface ResourceSummary {
  id: string;
  slug: string;
  name: string;
  kind: ResourceKind;
  location: string | null;
  capacity: number | null;
  timeZone: string;
  bookingPolicy: 'instant' | 'approval';
  disabled: boolean;
}

export interface ResourceDetail extends ResourceSummary {
  description: string | null;
  managers: Array<{ id: string; name: string; email: string }>;
  /** The resource's calendar with the actor's rights on it. */
  calendar: ActorCalendar;
}

const summaryColumns = {
  id: resources.id,
  slug: resources.slug,
  name: resources.name,
  kind: resources.kind,
  location: resources.location,
  capacity: resources.capacity,
  timeZone: resources.timeZone,
  bookingPolicy: resources.bookingPolicy,
  disabledAt: resources.disabledAt,
};

type SummaryRow = Omit<ResourceSummary, 'disabled'> & { disabledAt: Date | null };
const toSummary = ({ disabledAt, ...row }: SummaryRow): ResourceSummary => ({
  ...row,
  disabled: disabledAt !== null,
});

/**
 * The resource's enabled managers. A disabled account manages nothing (its rights end with it),
 * so it is neither shown nor offered again on the edit form, whose next save drops it.
 */
async function managersOf(resourceId: string) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(resourceManagers)
    .innerJoin(users, eq(users.id, resourceManagers.userId))
    .where(and(eq(resourceManagers.resourceId, resourceId), isNull(users.disabledAt)))
    .orderBy(asc(users.name));
}

/** The enabled resources every member may book, by name. */
export async function listResources(actor: Actor): Promise<ResourceSummary[]> {
  // Any enabled account may see them; findCalendarForActor applies the same rule per resource.
  const [me] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, actor.id), isNull(users.disabledAt)));
  if (!me) return [];
  const rows = await getDb()
    .select(summaryColumns)
    .from(resources)
    .where(isNull(resources.disabledAt))
    .orderBy(asc(resources.name));
  return rows.map(toSummary);
}

/** A resource with its description and managers, once the caller has checked the actor's rights. */
async function resourceDetail(where: SQL): Promise<Omit<ResourceDetail, 'calendar'>> {
  const [row] = await getDb()
    .select({ ...summaryColumns, description: resources.description })
    .from(resources)
    .where(where);
  if (!row)
    throw new AppError('not_found', new TranslatableText('resources.errors.resourceNotFound'));
  return { ...toSummary(row), description: row.description, managers: await managersOf(row.id) };
}

/** A resource's page: for any member while it is enabled; `not_found` otherwise. */
export async function getResourceBySlug(actor: Actor, slug: string): Promise<ResourceDetail> {
  const calendar = await findCalendarForActor(actor, { kind: 'resource', slug });
  return { ...(await resourceDetail(eq(resources.id, calendar.resourceId!))), calendar };
}

// Admin

/** Every resource, disabled ones included, for admins. */
export async function listResourcesForAdmin(actor: Actor): Promise<ResourceSummary[]> {
  await assertActiveAdmin(getDb(), actor);
  const rows = await getDb().select(summaryColumns).from(resources).orderBy(asc(resources.name));
  return rows.map(toSummary);
}

export async function getResourceForAdmin(
  actor: Actor,
  slug: string,
): Promise<Omit<ResourceDetail, 'calendar'>> {
  await assertActiveAdmin(getDb(), actor);
  return resourceDetail(eq(resources.slug, slug));
}

/** The ids of the enabled people with these emails; names the first unknown one. */
async function managerIds(tx: Transaction, emails: string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const found = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.email, emails), isNull(users.disabledAt)));
  const unknown = emails.find((email) => !found.some((user) => user.email === email));
  if (unknown)
    throw new AppError(
      'bad_request',
      new TranslatableText('resources.errors.unknownManagers', { addresses: unknown }),
      { field: 'managerEmails' },
    );
  return found.map((user) => user.id);
}

async function setManagers(tx: Transaction, resourceId: string, ids: string[]) {
  await tx.delete(resourceManagers).where(eq(resourceManagers.resourceId, resourceId));
  if (ids.length > 0)
    await tx.insert(resourceManagers).values(ids.map((userId) => ({ resourceId, userId })));
}

function resourceValues(input: Omit<UpdateResourceInput, 'resourceId' | 'managerEmails'>) {
  return {
    name: input.name,
    kind: input.kind,
    location: input.location,
    // Only rooms hold people.
    capacity: input.kind === 'room' ? input.capacity : null,
    description: input.description,
    timeZone: input.timeZone,
    bookingPolicy: input.bookingPolicy,
  };
}

export async function createResource(
  actor: Actor,
  input: CreateResourceInput,
  request?: RequestInfo,
): Promise<{ id: string; slug: string }> {
  return getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const [row] = await tx
      .insert(resources)
      .values({ slug: input.slug, ...resourceValues(input) })
      .returning({ id: resources.id, slug: resources.slug })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'resources_slug_key'))
          throw new AppError(
            'conflict',
            new TranslatableText('resources.errors.slugTaken', { slug: input.slug }),
            { field: 'slug' },
          );
        throw error;
      });
    await setManagers(tx, row!.id, await managerIds(tx, input.managerEmails));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'resource.created',
      targetType: 'resource',
      targetId: row!.id,
      details: { name: input.name, kind: input.kind, managers: input.managerEmails },
      request,
    });
    return row!;
  });
}

/** Changes a resource; what its feeds show (name, location, zone) moves its calendar's version. */
export async function updateResource(
  actor: Actor,
  input: UpdateResourceInput,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const [row] = await tx
      .update(resources)
      .set({ ...resourceValues(input), updatedAt: sql`now()` })
      .where(eq(resources.id, input.resourceId))
      .returning({ id: resources.id });
    if (!row)
      throw new AppError('not_found', new TranslatableText('resources.errors.resourceNotFound'));
    await setManagers(tx, row.id, await managerIds(tx, input.managerEmails));
    // Every booking's LOCATION and zone come from the resource.
    await bumpResourceCalendarVersion(tx, row.id, { presentation: true });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: 'resource.updated',
      targetType: 'resource',
      targetId: row.id,
      details: { name: input.name, managers: input.managerEmails },
      request,
    });
  });
}

/**
 * Disables a resource (no new bookings, its links stop answering, its history stays) or enables
 * it again.
 */
export async function setResourceEnabled(
  actor: Actor,
  input: SetResourceEnabledInput,
  request?: RequestInfo,
): Promise<void> {
  await getDb().transaction(async (tx) => {
    await assertActiveAdmin(tx, actor);
    const [row] = await tx
      .update(resources)
      .set({ disabledAt: input.enabled ? null : sql`now()`, updatedAt: sql`now()` })
      .where(eq(resources.id, input.resourceId))
      .returning({ id: resources.id });
    if (!row)
      throw new AppError('not_found', new TranslatableText('resources.errors.resourceNotFound'));
    await bumpResourceCalendarVersion(tx, row.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: input.enabled ? 'resource.enabled' : 'resource.disabled',
      targetType: 'resource',
      targetId: row.id,
      request,
    });
  });
}
