import type { Actor } from '@/lib/dal/actor';
import { getPersonalSubscription } from '@/lib/dal/feed-tokens';
import { listActiveAbsenceTypes } from '@/lib/dal/my-absences';
import { getPolicy } from '@/lib/dal/policy';
import { listSharedLinks } from '@/lib/dal/shares';
import { describeCalendarClient } from '@/lib/user-agents';
import { CalendarMenu } from './calendar-menu';

/** Loads what the Calendar menu needs and hands the browser only plain, safe fields. */
export async function TeamCalendarMenu({
  actor,
  team,
  canShare,
}: {
  actor: Actor;
  team: { slug: string; name: string };
  canShare: boolean;
}) {
  const [subscription, types, links, policy] = await Promise.all([
    getPersonalSubscription(actor, team.slug),
    listActiveAbsenceTypes(),
    canShare ? listSharedLinks(actor, team.slug) : null,
    canShare ? getPolicy() : null,
  ]);
  return (
    <CalendarMenu
      slug={team.slug}
      teamName={team.name}
      types={types.map(({ id, label }) => ({ id, label }))}
      subscription={
        subscription && {
          id: subscription.id,
          displayPrefix: subscription.displayPrefix,
          privacy: subscription.privacy,
          createdAt: subscription.createdAt.toISOString(),
          expiresAt: subscription.expiresAt.toISOString(),
          lastUsedAt: subscription.lastUsedAt?.toISOString() ?? null,
          lastUsedBy: describeCalendarClient(subscription.lastUsedUserAgent),
          useCount: subscription.useCount,
        }
      }
      sharing={
        links && policy
          ? {
              policy,
              links: links.map((link) => ({
                id: link.id,
                kind: link.kind,
                label: link.label,
                displayPrefix: link.displayPrefix,
                privacy: link.privacy,
                createdAt: link.createdAt.toISOString(),
                expiresAt: link.expiresAt?.toISOString() ?? null,
                revoked: link.revokedAt !== null,
                lastUsed: link.lastUsedAt
                  ? `${link.lastUsedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC${link.lastUsedUserAgent ? ` · ${describeCalendarClient(link.lastUsedUserAgent)}` : ''}`
                  : null,
                guest: link.guest && {
                  shareId: link.guest.shareId,
                  email: link.guest.email,
                  status: link.guest.status,
                },
              })),
            }
          : null
      }
    />
  );
}
