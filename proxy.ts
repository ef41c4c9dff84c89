import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { baseAuthConfig } from '@/lib/auth-config';

// Optimistic redirects only: a request without a session cookie goes to the sign-in page. The
// real checks (disabled users, roles, team membership) run in the data-access layer.

const { auth } = NextAuth(() => baseAuthConfig());

type ProxyHandler = (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

// With a lazily built configuration (the secret is read at run time, not at build time),
// Auth.js hands back the wrapped handler through a promise.
const redirectSignedOut = auth((request) => {
  // A server action answers a signed-out caller itself (requireActor redirects in a way the
  // client follows); a proxy redirect would replay the POST against the sign-in page.
  if (request.auth || request.headers.has('next-action')) return NextResponse.next();
  const signIn = new URL('/sign-in', request.nextUrl.origin);
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (path !== '/') signIn.searchParams.set('callbackUrl', path);
  return NextResponse.redirect(signIn);
}) as unknown as Promise<ProxyHandler>;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  return (await redirectSignedOut)(request, event);
}

export const config = {
  // Feeds, Auth.js, the health check, the sign-in, guest-setup, password-setup and reset pages
  // and static files need no session.
  matcher: [
    '/((?!api/|_next/|sign-in|guest/|setup-password/|forgot-password|reset-password/|favicon\.ico|robots\.txt|.*\.(?:png|svg|ico|txt)$).*)',
  ],
};
