// Who is calling: the client address and user agent, from the headers the server sees.
//
// Behind N reverse proxies that each append to X-Forwarded-For, the client is the N-th entry from
// the end (TRUST_PROXY_HOPS=N, default 1: one load balancer). Entries before it are
// client-controlled and never trusted. Served directly, Next fills the header from the socket only
// when the client sent none, so a direct deployment should sit behind a proxy that overwrites it.

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

const MAX_USER_AGENT_LENGTH = 300;

export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  if (!forwarded) return null;
  const hops = Math.max(1, Number.parseInt(process.env.TRUST_PROXY_HOPS ?? '1', 10) || 1);
  const entries = forwarded
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const entry = entries[Math.max(0, entries.length - hops)];
  return entry ? entry.replace(/^::ffff:/, '').slice(0, 64) : null;
}

export function requestInfo(headers: Headers): RequestInfo {
  return {
    ip: clientIp(headers),
    userAgent: headers.get('user-agent')?.slice(0, MAX_USER_AGENT_LENGTH) ?? null,
  };
}
