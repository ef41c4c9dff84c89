import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientIp, requestInfo } from '@/lib/request-info';

afterEach(() => vi.unstubAllEnvs());

describe('the client address', () => {
  it('is the address the nearest proxy saw, not what the client claims', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' });
    expect(clientIp(headers)).toBe('203.0.113.9');
  });

  it('looks further back behind several trusted proxies', () => {
    vi.stubEnv('TRUST_PROXY_HOPS', '2');
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.2' }))).toBe(
      '203.0.113.9',
    );
  });

  it('strips the IPv4-mapped IPv6 prefix and copes with a missing header', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '::ffff:127.0.0.1' }))).toBe('127.0.0.1');
    expect(clientIp(new Headers())).toBeNull();
  });

  it('keeps user agents to a bounded length', () => {
    const info = requestInfo(new Headers({ 'user-agent': 'x'.repeat(1000) }));
    expect(info.userAgent).toHaveLength(300);
  });
});
