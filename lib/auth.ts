import 'server-only';
import { AuthError, CredentialsSignin, type User } from 'next-auth';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { redirect, notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { baseAuthConfig } from '@/lib/auth-config';
import type { Actor } from '@/lib/dal/actor';
import { endSession, startSession, type SessionRef } from '@/lib/dal/sessions';
import { findActiveActor, verifyCredentials } from '@/lib/dal/users';
import { asExpectedFailure } from '@/lib/expected-failure';
import { isAppError } from '@/lib/errors';
import { requestInfo } from '@/lib/request-info';
import { signInSchema } from '@/lib/validation';

/** Raised to Auth.js for a refused sign-in; `code` tells the form which message to show. */
class SignInRefused extends CredentialsSignin {
  constructor(
    code: 'invalid_credentials' | 'rate_limited',
    readonly detail?: string,
  ) {
    super(detail);
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig(),
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused('invalid_credentials');
        const info = requestInfo(request.headers);
        try {
          const actor = await verifyCredentials(parsed.data, info);
          if (!actor) throw new SignInRefused('invalid_credentials');
          // The jwt callback (lib/auth-config.ts) puts the session's id in the cookie as `sid`.
          const user: User & { role: string; sessionId: string } = {
            id: actor.id,
            email: actor.email,
            name: actor.name,
            role: actor.role,
            sessionId: await startSession(actor, info),
          };
          return user;
        } catch (error) {
          if (isAppError(error) && error.code === 'rate_limited')
            throw new SignInRefused('rate_limited', error.message);
          throw error;
        }
      },
    }),
  ],
  events: {
    // Also reached through Auth.js's own sign-out route. Auth.js logs and swallows errors here,
    // which is why signOutAction ends the session itself first.
    async signOut(message) {
      const token = 'token' in message ? message.token : null;
      const ref = sessionRefSchema.safeParse({ userId: token?.sub, sessionId: token?.sid });
      if (ref.success) await endSession(ref.data, requestInfo(await headers()));
    },
  },
}));

/** What a refused sign-in means for the person at the form. */
export function signInErrorMessage(error: unknown): string | null {
  if (!(error instanceof AuthError)) return null;
  if (error instanceof SignInRefused && error.code === 'rate_limited') {
    return error.detail ?? 'Too many failed sign-in attempts. Please wait a few minutes.';
  }
  if (error instanceof CredentialsSignin) return 'Wrong email or password.';
  // Auth.js wraps what authorize() threw; an unreachable database is worth saying.
  const unavailable = asExpectedFailure((error.cause as { err?: unknown } | undefined)?.err);
  if (unavailable) return unavailable.message;
  return 'Sign-in failed. Please try again.';
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
