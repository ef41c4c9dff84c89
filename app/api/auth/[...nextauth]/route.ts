import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';

// Next.js gives a route handler a URL built from the address the server listens on, with
// 127.0.0.1 turned into "localhost", not the one the browser used. Auth.js derives the OpenID
// Connect redirect address from it at the callback, and that must be the one the sign-in started
// with, which Auth.js's signIn() built from the request's (forwarded) host: the same headers
// decide here. (The front door drops forwarded headers unless a trusted proxy set them.) A plain
// Request keeps the address as given; Auth.js reads nothing else of a NextRequest.
function atRequestedAddress(request: NextRequest): NextRequest {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!host) return request;
  const protocol = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const { pathname, search } = request.nextUrl;
  let url: URL;
  try {
    url = new URL(`${pathname}${search}`, `${protocol === 'https' ? 'https' : 'http'}://${host}`);
  } catch {
    return request;
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? request.body : undefined,
    // Node's fetch needs this to pass a body on as a stream.
    ...(hasBody ? { duplex: 'half' } : {}),
  }) as NextRequest;
}

export const GET = (request: NextRequest) => handlers.GET(atRequestedAddress(request));
export const POST = (request: NextRequest) => handlers.POST(atRequestedAddress(request));
