import type { NextAuthConfig } from 'next-auth';
import { authSecret } from '@/lib/auth-secret';
import { redact } from '@/lib/server/request-log.mjs';

// The part of the Auth.js configuration that needs no database, shared by the proxy and lib/auth.

declare module 'next-auth' {
  interface Session {
    /** The server-side session (lib/dal/sessions.ts) that getActor() checks on every request. */
    sessionId?: string;
  }
}

type AuthLogger = NonNullable<NextAuthConfig['logger']>;

// Auth.js logs a stack trace for every wrong password by default. Expected failures get one line
// without credentials; anything else keeps its message so that real problems stay visible — with
// anything shaped like a token or secret taken out (its messages quote the request path).
const logger: AuthLogger = {
  error(error) {
    const type = (error as { type?: string }).type ?? error.name;
    if (type === 'CredentialsSignin') {
      console.warn('[auth] sign-in refused');
      return;
    }
    // Auth.js wraps what went wrong (a provider's refusal, a failed check) as the cause.
    const cause = (error.cause as { err?: unknown } | undefined)?.err;
    const detail = cause instanceof Error ? ` (${cause.name}: ${redact(cause.message)})` : '';
    const message = error.message.startsWith('Read more at') ? '' : redact(error.message);
    console.error(`[auth] ${type}: ${message}${detail}`);
  },
  warn(code) {
    console.warn(`[auth] warning: ${code}`);
  },
  debug() {},
};

export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    // TeamCal serves its own host (or sits behind a proxy that sets X-Forwarded-Host).
    trustHost: true,
    session: { strategy: 'jwt', maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    logger,
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          // Every sign-in opens a server-side session first (authorize() for a password, the
          // signIn callback for OpenID Connect): one that did not gets no cookie at all.
          const sessionId = (user as { sessionId?: unknown }).sessionId;
          if (!user.id || typeof sessionId !== 'string')
            throw new Error('A sign-in arrived without a server-side session.');
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
          token.sid = sessionId;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.sid === 'string') session.sessionId = token.sid;
        return session;
      },
    },
  };
}
