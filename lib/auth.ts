import 'server-only';
import { AuthError, CredentialsSignin } from 'next-auth';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { redirect, notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { baseAuthConfig } from '@/lib/auth-config';
import type { Actor } from '@/lib/dal/actor';
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
        try {
          const actor = await verifyCredentials(parsed.data, requestInfo(request.headers));
          if (!actor) throw new SignInRefused('invalid_credentials');
          return { id: actor.id, email: actor.email, name: actor.name, role: actor.role };
        } catch (error) {
          if (isAppError(error) && error.code === 'rate_limited')
            throw new SignInRefused('rate_limited', error.message);
          throw error;
        }
      },
    }),
  ],
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

const userIdSchema = z.uuid();

/** The signed-in actor for this request, re-checked against the database (null when signed out). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = userIdSchema.safeParse(session?.user?.id);
  if (!id.success) return null;
  return findActiveActor(id.data);
});

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
