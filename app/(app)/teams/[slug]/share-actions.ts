'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { z } from 'zod';
import { runFormAction, type FormState } from '@/lib/action';
import {
  GUEST_SETUP_DAYS,
  createGuestShare,
  createPublicLink,
  reissueGuestSetup,
  revokeSharedLink,
} from '@/lib/dal/shares';
import { displayPrefixOf } from '@/lib/feed-tokens';
import { publicBaseUrl, subscriptionLinks } from '@/lib/public-url';
import { requestInfo } from '@/lib/request-info';
import { guestShareSchema, publicLinkSchema, teamSlugSchema } from '@/lib/validation';
import type { IssuedLink } from './subscription-actions';

export type PublicLinkState = FormState<IssuedLink>;
/** A guest's one-time setup address, to copy and send them. */
export type GuestSetupState = FormState<{ setupUrl: string; email?: string }>;

async function setupUrl(secret: string) {
  return `${publicBaseUrl(await headers())}/guest/${secret}`;
}

function afterChange<State extends { ok?: boolean }>(state: State): State {
  if (state.ok) revalidatePath('/teams/[slug]', 'page');
  return state;
}

const unknownTeam = { message: 'Unknown team.' };

export async function createPublicLinkAction(
  slug: string,
  _previous: PublicLinkState,
  formData: FormData,
): Promise<PublicLinkState> {
  const team = teamSlugSchema.safeParse(slug);
  if (!team.success) return unknownTeam;
  return afterChange(
    await runFormAction(publicLinkSchema, formData, async (actor, input) => {
      const link = await createPublicLink(actor, team.data, input, requestInfo(await headers()));
      const feedUrl = `${publicBaseUrl(await headers())}/api/ics/${link.token}.ics`;
      const links = subscriptionLinks(feedUrl, input.label);
      return {
        message: 'Public link created.',
        data: {
          ...links,
          displayPrefix: displayPrefixOf(link.token),
          expiresAt: link.expiresAt?.toISOString() ?? null,
          qrSvg: await QRCode.toString(links.webcal, { type: 'svg', margin: 1 }),
        },
      };
    }),
  );
}

const linkIdSchema = z.object({ linkId: z.uuid('Unknown link.') });

export async function revokeSharedLinkAction(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const team = teamSlugSchema.safeParse(slug);
  if (!team.success) return unknownTeam;
  return afterChange(
    await runFormAction(linkIdSchema, formData, async (actor, { linkId }) => {
      await revokeSharedLink(actor, team.data, linkId, requestInfo(await headers()));
      return 'Revoked: the address stops working now.';
    }),
  );
}

export async function createGuestShareAction(
  slug: string,
  _previous: GuestSetupState,
  formData: FormData,
): Promise<GuestSetupState> {
  const team = teamSlugSchema.safeParse(slug);
  if (!team.success) return unknownTeam;
  return afterChange(
    await runFormAction(guestShareSchema, formData, async (actor, input) => {
      const share = await createGuestShare(actor, team.data, input, requestInfo(await headers()));
      return {
        message: `Guest share created. Send this setup link to ${input.email}; it works once, for ${GUEST_SETUP_DAYS} days.`,
        data: { setupUrl: await setupUrl(share.setupSecret), email: input.email },
      };
    }),
  );
}

const shareIdSchema = z.object({ shareId: z.uuid('Unknown guest share.') });

export async function reissueGuestSetupAction(
  slug: string,
  _previous: GuestSetupState,
  formData: FormData,
): Promise<GuestSetupState> {
  const team = teamSlugSchema.safeParse(slug);
  if (!team.success) return unknownTeam;
  return afterChange(
    await runFormAction(shareIdSchema, formData, async (actor, { shareId }) => {
      const { setupSecret } = await reissueGuestSetup(
        actor,
        team.data,
        shareId,
        requestInfo(await headers()),
      );
      return {
        message: 'New setup link: the previous one no longer works.',
        data: { setupUrl: await setupUrl(setupSecret) },
      };
    }),
  );
}
