import { z } from 'zod';

// What the sign-in page says after a sign-in that did not complete. Auth.js's own endpoints and
// TeamCal's OpenID Connect refusals come back to /sign-in with `?error=…`; every value maps to a
// sentence for people, and an unknown value to a general one.

export const OIDC_PAGE_ERRORS = {
  not_provisioned: (provider: string) =>
    `You signed in with ${provider}, but you have no TeamCal account yet. Ask an admin to add you.`,
  disabled: () => 'Your TeamCal account is disabled. Ask an admin if this is a mistake.',
  email_unverified: (provider: string) =>
    `Your email address is not confirmed at ${provider}, so TeamCal cannot tell which account is yours. Ask an admin.`,
  invalid_id_token: (provider: string) =>
    `TeamCal could not verify the answer from ${provider}, so you were not signed in. Please try again.`,
  bound_to_another_account: (provider: string) =>
    `Your TeamCal account is already linked to another account at ${provider}. Ask an admin.`,
  unreachable: (provider: string) =>
    `TeamCal cannot reach ${provider} right now. Please try again in a moment.`,
  unavailable: () => 'TeamCal can’t reach its database right now. Please try again in a moment.',
} as const;

export type OidcPageError = keyof typeof OIDC_PAGE_ERRORS;

/** The address a refused OpenID Connect sign-in lands on. */
export const oidcErrorPath = (reason: OidcPageError) => `/sign-in?error=oidc_${reason}`;

const pageErrorSchema = z
  .string()
  .max(100)
  .optional()
  .catch(undefined)
  .transform((value) => value ?? null);

/**
 * The message for `/sign-in?error=…&code=…`, or undefined when the page was opened normally.
 * `provider` names the OpenID provider the way the button does.
 */
export function signInPageMessage(
  params: { error?: unknown; code?: unknown },
  provider: string,
): string | undefined {
  if (params.code === 'rate_limited')
    return 'Too many failed sign-in attempts. Please wait a few minutes.';
  const error = pageErrorSchema.parse(params.error);
  if (error === null) return undefined;
  if (error.startsWith('oidc_')) {
    const reason = error.slice('oidc_'.length);
    if (Object.hasOwn(OIDC_PAGE_ERRORS, reason))
      return OIDC_PAGE_ERRORS[reason as OidcPageError](provider);
  }
  if (error === 'CredentialsSignin') return 'Sign-in failed: check your email and password.';
  // Auth.js's other answers (a callback whose state or code does not check out, a provider's
  // error, its own configuration) tell a person nothing more useful than this.
  return 'Sign-in did not complete. Please try again.';
}
