'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { z } from 'zod';
import { runFormAction, type FormState } from '@/lib/action';
import {
  createPersonalSubscription,
  invalidatePersonalSubscription,
  regeneratePersonalSubscription,
  type IssuedSubscription,
} from '@/lib/dal/feed-tokens';
import { publicBaseUrl, subscriptionLinks } from '@/lib/public-url';
import { requestInfo } from '@/lib/request-info';
import { feedOptionsSchema, teamSlugSchema } from '@/lib/validation';

/** A link just issued: the only time its full address exists outside the subscriber's client. */
export interface IssuedLink extends ReturnType<typeof subscriptionLinks> {
  displayPrefix: string;
  /** Null for a public link that never expires. */
  expiresAt: string | null;
  /** The feed address as a QR code, for phones. */
  qrSvg: string;
}

export type SubscriptionState = FormState<IssuedLink>;

const slugOnly = z.object({});

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

function revalidateTeam(state: SubscriptionState) {
  if (state.ok) revalidatePath('/teams/[slug]', 'page');
  return state;
}

export async function createSubscriptionAction(
  slug: string,
  _previous: SubscriptionState,
  formData: FormData,
): Promise<SubscriptionState> {
  const { success, data: team } = teamSlugSchema.safeParse(slug);
  if (!success) return { message: 'Unknown team.' };
  return revalidateTeam(
    await runFormAction(feedOptionsSchema, formData, async (actor, options) => {
      const issued = await createPersonalSubscription(
        actor,
        team,
        options,
        requestInfo(await headers()),
      );
      return { message: 'Your link is ready.', data: await present(issued) };
    }),
  );
}

export async function regenerateSubscriptionAction(
  slug: string,
  _previous: SubscriptionState,
  formData: FormData,
): Promise<SubscriptionState> {
  const { success, data: team } = teamSlugSchema.safeParse(slug);
  if (!success) return { message: 'Unknown team.' };
  return revalidateTeam(
    await runFormAction(slugOnly, formData, async (actor) => {
      const issued = await regeneratePersonalSubscription(
        actor,
        team,
        requestInfo(await headers()),
      );
      return {
        message: 'Your new link is ready; the old one no longer works.',
        data: await present(issued),
      };
    }),
  );
}

export async function invalidateSubscriptionAction(
  slug: string,
  _previous: SubscriptionState,
  formData: FormData,
): Promise<SubscriptionState> {
  const { success, data: team } = teamSlugSchema.safeParse(slug);
  if (!success) return { message: 'Unknown team.' };
  return revalidateTeam(
    await runFormAction(slugOnly, formData, async (actor) => {
      await invalidatePersonalSubscription(actor, team, requestInfo(await headers()));
      return 'Link invalidated: calendars using it stop updating now.';
    }),
  );
}
