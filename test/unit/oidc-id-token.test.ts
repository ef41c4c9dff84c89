import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyIdToken } from '@/lib/oidc-id-token';

// The ID token check against a real issuer over HTTP: a discovery document and a key set served
// by a small server, tokens signed with jose.

const CLIENT_ID = 'teamcal';
let server: http.Server;
let issuer: string;
let signingKey: CryptoKey;
let strangerKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }] };
  server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration')
      return void res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    if (req.url === '/jwks') return void res.end(JSON.stringify(jwks));
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

function sign(
  claims: JWTPayload,
  key: CryptoKey | Uint8Array = signingKey,
  header: { alg: string; kid?: string } = { alg: 'RS256', kid: 'k1' },
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: issuer,
    aud: CLIENT_ID,
    sub: 'subject-1',
    iat: now,
    exp: now + 300,
    email: 'Ada@Example.com',
    email_verified: true,
    name: ' Ada Lovelace ',
    ...claims,
  })
    .setProtectedHeader(header)
    .sign(key);
}

const verify = (token: unknown) => verifyIdToken(token, { issuer, clientId: CLIENT_ID });

describe('an ID token', () => {
  it('signed by the issuer names the person, with the email normalised', async () => {
    expect(await verify(await sign({}))).toEqual({
      issuer,
      subject: 'subject-1',
      email: 'ada@example.com',
      emailVerified: true,
      name: 'Ada Lovelace',
    });
  });

  it('without email or name still names the subject; only the boolean true verifies an email', async () => {
    const token = await sign({ email: undefined, name: undefined, email_verified: undefined });
    expect(await verify(token)).toMatchObject({ email: null, name: null, emailVerified: false });
    expect(await verify(await sign({ email_verified: 'true' }))).toMatchObject({
      emailVerified: false,
    });
  });

  it('is refused once a claim was altered, its signature kept', async () => {
    const [header, payload, signature] = (await sign({})).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as JWTPayload;
    const altered = Buffer.from(JSON.stringify({ ...claims, email: 'admin@example.com' }));
    expect(await verify(`${header}.${altered.toString('base64url')}.${signature}`)).toBeNull();
  });

  it('is refused when signed by another key, for another client, by another issuer or expired', async () => {
    expect(await verify(await sign({}, strangerKey))).toBeNull();
    expect(await verify(await sign({ aud: 'someone-else' }))).toBeNull();
    expect(await verify(await sign({ iss: 'https://elsewhere.example.org' }))).toBeNull();
    const expired = await sign({ exp: Math.floor(Date.now() / 1000) - 3600 });
    expect(await verify(expired)).toBeNull();
  });

  it('is refused unsigned or keyed with a shared secret', async () => {
    const [header, payload] = (await sign({})).split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    expect(await verify(`${none}.${payload}.`)).toBeNull();
    const hmac = await sign({}, new TextEncoder().encode('x'.repeat(32)), {
      alg: 'HS256',
    });
    expect(await verify(hmac)).toBeNull();
    expect(await verify(`${header}.${payload}`)).toBeNull();
    expect(await verify(undefined)).toBeNull();
    expect(await verify('not a token')).toBeNull();
  });
});
