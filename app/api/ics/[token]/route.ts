import { respondWithFeed } from '@/lib/feed-server';

// Calendar clients poll this with no cookies: the token in the path is the only credential.

type Context = { params: Promise<{ token: string }> };

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: Context) {
  return respondWithFeed(request, (await params).token, 'GET');
}

export async function HEAD(request: Request, { params }: Context) {
  return respondWithFeed(request, (await params).token, 'HEAD');
}
