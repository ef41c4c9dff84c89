import 'server-only';
import { AuthError, CredentialsSignin, type User } from 'next-auth';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type { OIDCConfig } from 'next-auth/providers';
import { headers } from 'next/headers';
import { redirect, notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { baseAuthConfig } from '@/lib/auth-config';
import type { Actor } from '@/lib/dal/actor';
import { recordOidcTokenRefusal, signInWithOidc } from '@/lib/dal/oidc-sign-in';
import { endSession, startSession, type SessionRef } from '@/lib/dal/sessions';
import { findActiveActor, verifyCredentials } from '@/lib/dal/users';
import { asExpectedFailure } from '@/lib/expected-failure';
import { isAppError } from '@/lib/errors';
import { TranslatableText } from '@/lib/i18n/translate';
import { oidcConfig, DEFAULT_OIDC_NAME, type OidcConfig } from '@/lib/oidc-config';
import { verifyIdToken } from '@/lib/oidc-id-token';
import { requestInfo } from '@/lib/request-info';
import { oidcErrorPath } from '@/lib/sign-in-messages';
import { signInSchema } from '@/lib/validation';

/** Raised to Auth.js for a refused sign-in; `code` tells the form which message to show. */
class SignInRefused extends CredentialsSignin {
  constructor(
    code: 'invalid_credentials' | 'rate_limited' | 'password_sign_in_off',
    readonly detail?: string | TranslatableText,
  ) {
    super(detail?.toString());
    this.code = code;
  }
}

/** The organisation's OpenID Connect provider, found through its discovery document. */
function oidcProvider(config: OidcConfig): OIDCConfig<Record<string, unknown>> {
  return {
    id: 'oidc',
    type: 'oidc',
    name: config.name,
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: 'openid email profile' } },
  };
}

type TeamCalUser = User & { role: string; sessionId: string };

/**
 * Auth.js's signIn callback for the OpenID provider: the ID token's signature is checked, then the
 * person is matched, bound or created (lib/dal/oidc-sign-in.ts) and a server-side session opened,
 * exactly as a password sign-in does. A refusal answers with the sign-in page's address.
 */
async function completeOidcSignIn(user: User, idToken: unknown): Promise<true | string> {
  const config = oidcConfig()!;
  const info = requestInfo(await headers());
  try {
    const identity = await verifyIdToken(idToken, config);
    if (!identity) {
      await recordOidcTokenRefusal(info);
      return oidcErrorPath('invalid_id_token');
    }
    const outcome = await signInWithOidc(identity, info);
    if (!outcome.ok) return oidcErrorPath(outcome.reason);
    // Auth.js hands this same object to the jwt callback (lib/auth-config.ts), which puts the
    // session in the cookie; its `id` so far is a random one of Auth.js's making. Should a later
    // Auth.js pass a copy instead, the jwt callback finds no session and refuses the sign-in.
    const signedIn: TeamCalUser = {
      id: outcome.actor.id,
      email: outcome.actor.email,
      name: outcome.actor.name,
      role: outcome.actor.role,
      sessionId: await startSession(outcome.actor, info),
    };
    Object.assign(user, signedIn);
    return true;
  } catch (error) {
    if (asExpectedFailure(error)) return oidcErrorPath('unavailable');
    // The provider's keys could not be fetched (Auth.js has just talked to it, so this is rare).
    console.warn(`[auth] OpenID sign-in not completed: ${(error as Error).name}`);
    return oidcErrorPath('unreachable');
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const base = baseAuthConfig();
  const oidc = oidcConfig();
  return {
    ...base,
    callbacks: {
      ...base.callbacks,
      async signIn({ user, account }) {
        if (account?.provider !== 'oidc') return true;
        return completeOidcSignIn(user, account.id_token);
      },
    },
    providers: [...(oidc ? [oidcProvider(oidc)] : []), credentialsProvider()],
    events: {
      // Also reached through Auth.js's own sign-out route. Auth.js logs and swallows errors here,
      // which is why signOutAction ends the session itself first.
      async signOut(message) {
        const token = 'token' in message ? message.token : null;
        const ref = sessionRefSchema.safeParse({ userId: token?.sub, sessionId: token?.sid });
        if (ref.success) await endSession(ref.data, requestInfo(await headers()));
      },
    },
  };
});

function credentialsProvider() {
  return Credentials({
    credentials: { email: { type: 'email' }, password: { type: 'password' } },
    async authorize(credentials, request) {
      const parsed = signInSchema.safeParse(credentials);
      if (!parsed.success) throw new SignInRefused('invalid_credentials');
      const info = requestInfo(request.headers);
      try {
        const actor = await verifyCredentials(parsed.data, info);
        if (!actor) throw new SignInRefused('invalid_credentials');
        // The jwt callback (lib/auth-config.ts) puts the session's id in the cookie as `sid`.
        const user: TeamCalUser = {
          id: actor.id,
          email: actor.email,
          name: actor.name,
          role: actor.role,
          sessionId: await startSession(actor, info),
        };
        return user;
      } catch (error) {
        if (isAppError(error) && error.code === 'rate_limited')
          throw new SignInRefused('rate_limited', error.text);
        if (isAppError(error) && error.code === 'forbidden')
          throw new SignInRefused('password_sign_in_off');
        throw error;
      }
    },
  });
}

/** What a refused sign-in means for the person at the form, by key: the form translates it. */
export function signInErrorMessage(error: unknown): string | TranslatableText | null {
  if (!(error instanceof AuthError)) return null;
  if (error instanceof SignInRefused && error.code === 'rate_limited') {
    return error.detail ?? new TranslatableText('auth.pageErrors.rateLimited');
  }
  if (error instanceof SignInRefused && error.code === 'password_sign_in_off') {
    return new TranslatableText('auth.signInErrors.passwordOff', { provider: oidcName() });
  }
  if (error instanceof CredentialsSignin)
    return new TranslatableText('auth.signInErrors.wrongPassword');
  // Auth.js wraps what authorize() threw; an unreachable database is worth saying.
  const unavailable = asExpectedFailure((error.cause as { err?: unknown } | undefined)?.err);
  if (unavailable) return unavailable.text;
  return new TranslatableText('auth.signInErrors.failed');
}

/** What the sign-in button calls the OpenID provider. */
function oidcName(): string {
  return oidcConfig()?.name ?? DEFAULT_OIDC_NAME;
}

// A cookie minted before server-side sessions existed has no `sid`: it counts as signed out.
const sessionRefSchema = z.object({ userId: z.uuid(), sessionId: z.uuid() });

/** Which session the request's cookie names, without asking the database whether it is open. */
async function currentSessionRef(): Promise<SessionRef | null> {
  const session = await auth();
  const ref = sessionRefSchema.safeParse({
    userId: session?.user?.id,
    sessionId: session?.sessionId,
  });
  return ref.success ? ref.data : null;
}

/** The signed-in actor for this request, re-checked against the database (null when signed out). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const ref = await currentSessionRef();
  return ref ? findActiveActor(ref) : null;
});

/** Ends the request's session on the server; the caller then clears the cookie with signOut(). */
export async function endCurrentSession(): Promise<void> {
  const ref = await currentSessionRef();
  if (ref) await endSession(ref, requestInfo(await headers()));
}

/** The signed-in actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  return actor;
}

/** An admin, or a 404 for everyone else: the admin area does not reveal that it exists. */
export async function requireAdmin(): Promise<Actor> {
  const actor = await requireActor();
  if (actor.role !== 'admin') notFound();
  return actor;
}
