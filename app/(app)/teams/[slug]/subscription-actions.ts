'use server';

import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { FormState } from '@/lib/action';
import {
  createPersonalSubscription,
  invalidatePersonalSubscription,
  regeneratePersonalSubscription,
  type IssuedSubscription,
} from '@/lib/dal/feed-tokens';
import { publicBaseUrl, subscriptionLinks } from '@/lib/public-url';
import { feedOptionsSchema } from '@/lib/validation';
import { runTeamFormAction } from './team-action';

/** A link just issued: the only time its full address exists outside the subscriber's client. */
export interface IssuedLink extends ReturnType<typeof subscriptionLinks> {
  displayPrefix: string;
  /** Null for a public link that never expires. */
  expiresAt: string | null;
  /** The feed address as a QR code, for phones. */
  qrSvg: string;
}

export type SubscriptionState = FormState<IssuedLink>;

// The link the dialog showed: what the person meant to regenerate or invalidate.
const shownLink = z.object({ linkId: z.uuid('Reload the page: this link is unknown.') });

async function present(issued: IssuedSubscription): Promise<IssuedLink> {
  const feedUrl = `${publicBaseUrl(await headers())}/api/ics/${issued.token}.ics`;
  const links = subscriptionLinks(feedUrl, `TeamCal – ${issued.teamName}`);
  return {
    ...links,
    displayPrefix: issued.subscription.displayPrefix,
    expiresAt: issued.subscription.expiresAt.toISOString(),
    qrSvg: await QRCode.toString(links.webcal, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    }),
  };
}

export async function createSubscriptionAction(
  slug: string,
  _previous: SubscriptionState,
  formData: FormData,
): Promise<SubscriptionState> {
  return runTeamFormAction(
    slug,
    feedOptionsSchema,
    formData,
    async (actor, options, team, request) => {
      const issued = await createPersonalSubscription(actor, team, options, request);
      return { message: 'Your link is ready.', data: await present(issued) };
    },
  );
}

export async function regenerateSubscriptionAction(
  slug: string,
  _previous: SubscriptionState,
  formData: FormData,
): Promise<SubscriptionState> {
  return runTeamFormAction(slug, shownLink, formData, async (actor, { linkId }, team, request) => {
    const issued = await regeneratePersonalSubscription(actor, team, linkId, request);
    return {
      message: 'Your new link is ready; the old one no longer works.',
      data: await present(issued),
    };
  });
}

export async function invalidateSubscriptionAction(
  slug: string,
  _previous: SubscriptionState,
  formData: FormData,
): Promise<SubscriptionState> {
  return runTeamFormAction(slug, shownLink, formData, async (actor, { linkId }, team, request) => {
    const { alreadyInvalidated } = await invalidatePersonalSubscription(
      actor,
      team,
      linkId,
      request,
    );
    return alreadyInvalidated
      ? 'This link was already invalidated: calendars using it have stopped updating.'
      : 'Link invalidated: calendars using it stop updating now.';
  });
}
