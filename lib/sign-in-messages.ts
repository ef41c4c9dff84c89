import { z } from 'zod';
import { translatorFor } from '@/lib/i18n/translate';

// What the sign-in page says after a sign-in that did not complete. Auth.js's own endpoints and
// TeamCal's OpenID Connect refusals come back to /sign-in with `?error=…`; every value maps to a
// sentence for people (auth.pageErrors, in the reader's language), and an unknown value to a
// general one.

export const OIDC_PAGE_ERRORS = [
  'not_provisioned',
  'disabled',
  'email_unverified',
  'invalid_id_token',
  'bound_to_another_account',
  'unreachable',
  'unavailable',
] as const;

export type OidcPageError = (typeof OIDC_PAGE_ERRORS)[number];

/** The address a refused OpenID Connect sign-in lands on. */
export const oidcErrorPath = (reason: OidcPageError) => `/sign-in?error=oidc_${reason}`;

const pageErrorSchema = z
  .string()
  .max(100)
  .optional()
  .catch(undefined)
  .transform((value) => value ?? null);

/**
 * The message for `/sign-in?error=…&code=…` in `locale`, or undefined when the page was opened
 * normally. `provider` names the OpenID provider the way the button does.
 */
export function signInPageMessage(
  params: { error?: unknown; code?: unknown },
  provider: string,
  locale = 'en-GB',
): string | undefined {
  const t = translatorFor(locale, 'auth');
  if (params.code === 'rate_limited') return t('pageErrors.rateLimited');
  const error = pageErrorSchema.parse(params.error);
  if (error === null) return undefined;
  if (error.startsWith('oidc_')) {
    const reason = error.slice('oidc_'.length);
    if ((OIDC_PAGE_ERRORS as readonly string[]).includes(reason))
      return t(`pageErrors.${reason as OidcPageError}`, { provider });
  }
  if (error === 'CredentialsSignin') return t('pageErrors.credentials');
  // Auth.js's other answers (a callback whose state or code does not check out, a provider's
  // error, its own configuration) tell a person nothing more useful than this.
  return t('pageErrors.other');
}
