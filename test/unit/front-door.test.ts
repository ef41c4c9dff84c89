import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  clientAddressOf,
  contentSecurityPolicy,
  isDecodablePath,
} from '@/lib/server/front-door.mjs';
import { requestInfo } from '@/lib/request-info';
import { CLIENT_ADDRESS_HEADER } from '@/lib/server/headers.mjs';
import { redact, routeOf } from '@/lib/server/request-log.mjs';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('the client address', () => {
  it('is the socket’s by default, whatever X-Forwarded-For claims', () => {
    expect(clientAddressOf(request('203.0.113.9', '6.6.6.6'), 0)).toBe('203.0.113.9');
    expect(clientAddressOf(request('::ffff:127.0.0.1', '6.6.6.6'), 0)).toBe('127.0.0.1');
  });

  it('behind N trusted proxies, is the N-th entry from the end, never one the client wrote', () => {
    expect(clientAddressOf(request('10.0.0.2', '6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddressOf(request('10.0.0.3', '6.6.6.6, 203.0.113.9, 10.0.0.2'), 2)).toBe(
      '203.0.113.9',
    );
  });

  it('falls back to the socket when a trusted proxy sent no header', () => {
    expect(clientAddressOf(request('10.0.0.2'), 1)).toBe('10.0.0.2');
  });
});

describe('request paths', () => {
  it('refuses malformed percent escapes, overlong UTF-8 and NUL before Next.js decodes them', () => {
    for (const path of ['/api/ics/%zz', '/teams/%', '/..%c0%af', '/guest/%E0%A4%A', '/a%00b'])
      expect(isDecodablePath(path), path).toBe(false);
    expect(isDecodablePath('*')).toBe(false);
  });

  it('accepts every well-formed path, and leaves the query to the app', () => {
    for (const path of ['/', '/teams/caf%C3%A9', '/api/ics/tcal_abc.ics', '/teams?x=%zz'])
      expect(isDecodablePath(path), path).toBe(true);
  });
});

describe('the content security policy', () => {
  it('allows scripts only with the request’s nonce, and no framing', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc', dev: false, https: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ nonce: 'n', dev: false, https: true })).toContain(
      'upgrade-insecure-requests',
    );
  });

  it('lets forms go to the site only, and to the OpenID provider when one is configured', () => {
    expect(contentSecurityPolicy({ nonce: 'n', dev: false, https: true })).toContain(
      "form-action 'self';",
    );
    const withProvider = contentSecurityPolicy({
      nonce: 'n',
      dev: false,
      https: true,
      formTargets: ['https://login.example.org'],
    });
    expect(withProvider).toContain("form-action 'self' https://login.example.org;");
  });
});

describe('log lines', () => {
  it('never carry a feed token, a setup secret or a guest secret', () => {
    const token = `tcal_${'A1b2'.repeat(12)}`;
    const secret = 'x'.repeat(43);
    expect(redact(`failed for ${token} and ${secret}`)).toBe(
      'failed for [redacted] and [redacted]',
    );
    expect(routeOf(`/api/ics/${token}.ics?x=1`)).toBe('/api/ics/[secret]');
    expect(routeOf(`/setup-password/${secret}`)).toBe('/setup-password/[secret]');
    expect(routeOf(`/guest/${secret}`)).toBe('/guest/[secret]');
  });

  it('keep ids that are not secrets, such as UUIDs', () => {
    const id = '2f1c6a8e-0b7e-4c1a-9d7e-3f5b2a1c9e8d';
    expect(redact(`user ${id}`)).toBe(`user ${id}`);
    expect(routeOf(`/admin/users/${id}`)).toBe(`/admin/users/${id}`);
  });
});

describe('request info in the app', () => {
  it('reads only the address the front door wrote, and bounds user agents', () => {
    expect(requestInfo(new Headers({ 'x-forwarded-for': '6.6.6.6' })).ip).toBeNull();
    const info = requestInfo(
      new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9', 'user-agent': 'x'.repeat(1000) }),
    );
    expect(info.ip).toBe('203.0.113.9');
    expect(info.userAgent).toHaveLength(300);
  });
});
