// Who is calling: the client address and user agent, from the headers the server sees.
//
// The client address is the one the front door (lib/server/front-door.mjs) wrote after throwing
// away every forwarded header a client could have set: the socket's address, or — when the
// operator sets TRUST_PROXY_HOPS — the address the trusted proxies saw. Nothing here reads
// X-Forwarded-For, so no client can choose the address its limits and audit entries count under.

import { CLIENT_ADDRESS_HEADER } from '@/lib/server/headers.mjs';

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT_LENGTH = 300;

export function clientIp(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER)?.slice(0, 64) || null;
}

export function requestInfo(headers: Headers): RequestInfo {
  return {
    ip: clientIp(headers),
    userAgent: headers.get('user-agent')?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
  };
}
