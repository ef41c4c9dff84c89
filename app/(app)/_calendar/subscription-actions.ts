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
import { runCalendarFormAction } from './calendar-action';

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
  const links = subscriptionLinks(feedUrl, `TeamCal – ${issued.calendarName}`);
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
  calendarPath: string,
  _previous: SubscriptionState,
  formData: FormData,
): Promise<SubscriptionState> {
  return runCalendarFormAction(
    calendarPath,
    feedOptionsSchema,
    formData,
    async (actor, options, calendar, request) => {
      const issued = await createPersonalSubscription(actor, calendar, options, request);
      return { message: 'Your link is ready.', data: await present(issued) };
    },
  );
}

export async function regenerateSubscriptionAction(
  calendarPath: string,
  _previous: SubscriptionState,
  formData: FormData,
): Promise<SubscriptionState> {
  return runCalendarFormAction(
    calendarPath,
    shownLink,
    formData,
    async (actor, { linkId }, calendar, request) => {
      const issued = await regeneratePersonalSubscription(actor, calendar, linkId, request);
      return {
        message: 'Your new link is ready; the old one no longer works.',
        data: await present(issued),
      };
    },
  );
}

export async function invalidateSubscriptionAction(
  calendarPath: string,
  _previous: SubscriptionState,
  formData: FormData,
): Promise<SubscriptionState> {
  return runCalendarFormAction(
    calendarPath,
    shownLink,
    formData,
    async (actor, { linkId }, calendar, request) => {
      const { alreadyInvalidated } = await invalidatePersonalSubscription(
        actor,
        calendar,
        linkId,
        request,
      );
      return alreadyInvalidated
        ? 'This link was already invalidated: calendars using it have stopped updating.'
        : 'Link invalidated: calendars using it stop updating now.';
    },
  );
}
