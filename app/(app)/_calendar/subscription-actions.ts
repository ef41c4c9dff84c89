'use server';

import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { FormState } from '@/lib/action';
import {
  createPersonalSubscription,
  invalidatePersonalSubscription,
  regeneratePersonalSubscription,
  updatePersonalSubscriptionSettings,
  type IssuedSubscription,
} from '@/lib/dal/feed-tokens';
import { message } from '@/lib/i18n/translate';
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

// The link the dialog showed: what the person meant to regenerate, invalidate or change.
const shownLink = z.object({ linkId: z.uuid(message('calendar.errors.unknownLink')) });

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
      const t = await getTranslations('calendar.subscribe');
      return { message: t('ready'), data: await present(issued) };
    },
  );
}

/** Changes what the active link shows; its address stays the same. */
export async function updateSubscriptionSettingsAction(
  calendarPath: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return runCalendarFormAction(
    calendarPath,
    shownLink.and(feedOptionsSchema),
    formData,
    async (actor, input, calendar, request) => {
      const { linkId, ...options } = input;
      await updatePersonalSubscriptionSettings(actor, calendar, linkId, options, request);
      const t = await getTranslations('calendar.subscribe');
      return t('settingsSaved');
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
      const t = await getTranslations('calendar.subscribe');
      return { message: t('regenerated'), data: await present(issued) };
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
      const t = await getTranslations('calendar.subscribe');
      return alreadyInvalidated ? t('alreadyInvalidated') : t('invalidated');
    },
  );
}
