'use server';

import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { FormState } from '@/lib/action';
import {
  createGuestShare,
  createPublicLink,
  reissueGuestSetup,
  revokeSharedLink,
} from '@/lib/dal/shares';
import { displayPrefixOf } from '@/lib/feed-tokens';
import { message } from '@/lib/i18n/translate';
import { isMailServerConfigured } from '@/lib/mail/transport';
import { SETUP_LINK_LIFETIME_DAYS } from '@/lib/password-setup';
import { publicBaseUrl, subscriptionLinks } from '@/lib/public-url';
import { guestShareSchema, publicLinkSchema } from '@/lib/validation';
import type { IssuedLink } from './subscription-actions';
import { runCalendarFormAction } from './calendar-action';

export type PublicLinkState = FormState<IssuedLink>;
/** A guest's one-time setup address, to copy and send them. */
export type GuestSetupState = FormState<{
  setupUrl: string;
  email: string;
  reissued: boolean;
  /** How long the setup link works. */
  days: number;
}>;

async function setupUrl(secret: string) {
  return `${publicBaseUrl(await headers())}/guest/${secret}`;
}

/** Where the guest's invitation went: mailed, or waiting in the outbox. */
async function deliveryNote(email: string) {
  const t = await getTranslations('share.setup');
  return t(isMailServerConfigured() ? 'mailing' : 'outbox', { email });
}

export async function createPublicLinkAction(
  calendarPath: string,
  _previous: PublicLinkState,
  formData: FormData,
): Promise<PublicLinkState> {
  return runCalendarFormAction(
    calendarPath,
    publicLinkSchema,
    formData,
    async (actor, input, calendar, request) => {
      const link = await createPublicLink(actor, calendar, input, request);
      const feedUrl = `${publicBaseUrl(await headers())}/api/ics/${link.token}.ics`;
      const links = subscriptionLinks(feedUrl, input.label);
      return {
        message: (await getTranslations('share.public'))('created'),
        data: {
          ...links,
          displayPrefix: displayPrefixOf(link.token),
          expiresAt: link.expiresAt?.toISOString() ?? null,
          qrSvg: await QRCode.toString(links.webcal, { type: 'svg', margin: 1 }),
        },
      };
    },
  );
}

const linkIdSchema = z.object({ linkId: z.uuid(message('share.errors.unknownLink')) });

export async function revokeSharedLinkAction(
  calendarPath: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return runCalendarFormAction(
    calendarPath,
    linkIdSchema,
    formData,
    async (actor, { linkId }, calendar, request) => {
      await revokeSharedLink(actor, calendar, linkId, request);
      return (await getTranslations('share.links'))('revoked');
    },
  );
}

export async function createGuestShareAction(
  calendarPath: string,
  _previous: GuestSetupState,
  formData: FormData,
): Promise<GuestSetupState> {
  return runCalendarFormAction(
    calendarPath,
    guestShareSchema,
    formData,
    async (actor, input, calendar, request) => {
      const share = await createGuestShare(actor, calendar, input, request);
      return {
        message: await deliveryNote(input.email),
        data: {
          setupUrl: await setupUrl(share.setupSecret),
          email: input.email,
          reissued: false,
          days: SETUP_LINK_LIFETIME_DAYS,
        },
      };
    },
  );
}

const shareIdSchema = z.object({ shareId: z.uuid(message('share.errors.unknownShare')) });

export async function reissueGuestSetupAction(
  calendarPath: string,
  _previous: GuestSetupState,
  formData: FormData,
): Promise<GuestSetupState> {
  return runCalendarFormAction(
    calendarPath,
    shareIdSchema,
    formData,
    async (actor, { shareId }, calendar, request) => {
      const { setupSecret, email } = await reissueGuestSetup(actor, calendar, shareId, request);
      return {
        message: `${(await getTranslations('share.setup'))('previousGone')} ${await deliveryNote(email)}`,
        data: {
          setupUrl: await setupUrl(setupSecret),
          email,
          reissued: true,
          days: SETUP_LINK_LIFETIME_DAYS,
        },
      };
    },
  );
}
