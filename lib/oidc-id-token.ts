import 'server-only';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { OidcIdentity } from '@/lib/dal/oidc-sign-in';
import type { OidcConfig } from '@/lib/oidc-config';
import { emailSchema } from '@/lib/validation';

// Auth.js (through oauth4webapi) checks an ID token's issuer, audience, expiry and nonce, but not
// its signature when the token comes from the token endpoint: it trusts the TLS connection. TeamCal
// checks the signature itself, against the keys the issuer publishes, before believing any claim —
// whatever stands between TeamCal and the provider, a token it altered is refused.

const TIMEOUT_MS = 5_000;
// Asymmetric algorithms only: an HMAC "signature" keyed with the client secret proves nothing
// about the provider.
const ALGORITHMS = [
  ...['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  ...['ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'],
];

const discoverySchema = z.object({ issuer: z.string(), jwks_uri: z.url({ protocol: /^https?$/ }) });

const claimsSchema = z.object({
  iss: z.string().min(1).max(500),
  sub: z.string().min(1).max(255),
  email: z.unknown().optional(),
  email_verified: z.unknown().optional(),
  name: z.unknown().optional(),
});

/** Errors that say the token itself is wrong, as opposed to the provider being out of reach. */
const TOKEN_ERRORS = [
  errors.JWSSignatureVerificationFailed,
  errors.JWSInvalid,
  errors.JWTInvalid,
  errors.JWTExpired,
  errors.JWTClaimValidationFailed,
  errors.JOSEAlgNotAllowed,
  errors.JOSENotSupported,
  errors.JWKSNoMatchingKey,
  errors.JWKSMultipleMatchingKeys,
];

const keySets = new Map<string, Promise<JWTVerifyGetKey>>();

/** The issuer's signing keys, found through its discovery document; kept for the process. */
function keySetOf(issuer: string): Promise<JWTVerifyGetKey> {
  let keySet = keySets.get(issuer);
  if (!keySet) {
    keySet = (async () => {
      const response = await fetch(
        `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
        { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' },
      );
      if (!response.ok) throw new Error(`OpenID discovery answered ${response.status}.`);
      const discovery = discoverySchema.parse(await response.json());
      // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it came from.
      if (discovery.issuer !== issuer) throw new Error('OpenID discovery names another issuer.');
      return createRemoteJWKSet(new URL(discovery.jwks_uri), { timeoutDuration: TIMEOUT_MS });
    })();
    keySets.set(issuer, keySet);
    // A provider out of reach is asked again on the next sign-in.
    keySet.catch(() => keySets.delete(issuer));
  }
  return keySet;
}

/** Who the normalised email is, or null when the claim is missing or not an address. */
function emailOf(claim: unknown): string | null {
  const parsed = emailSchema.safeParse(claim);
  return parsed.success ? parsed.data : null;
}

function nameOf(claim: unknown): string | null {
  if (typeof claim !== 'string') return null;
  const name = claim.trim().slice(0, 100).trim();
  return name || null;
}

/**
 * The identity an ID token asserts, once its signature (against the issuer's published keys),
 * issuer, audience (this client) and lifetime are checked; null for a token that fails any check.
 * Throws when the provider's keys cannot be fetched.
 */
export async function verifyIdToken(
  idToken: unknown,
  config: Pick<OidcConfig, 'issuer' | 'clientId'>,
): Promise<OidcIdentity | null> {
  if (typeof idToken !== 'string' || idToken.length > 20_000) {
    console.warn('[auth] OpenID ID token refused: missing or too long');
    return null;
  }
  const keySet = await keySetOf(config.issuer);
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(idToken, keySet, {
      issuer: config.issuer,
      audience: config.clientId,
      algorithms: ALGORITHMS,
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: 30,
    }));
  } catch (error) {
    if (!TOKEN_ERRORS.some((kind) => error instanceof kind)) throw error;
    // What failed (a code such as ERR_JWS_SIGNATURE_VERIFICATION_FAILED), never the token.
    console.warn(`[auth] OpenID ID token refused: ${(error as errors.JOSEError).code}`);
    return null;
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    console.warn(`[auth] OpenID ID token refused: ${claims.error.issues[0]?.path.join('.')}`);
    return null;
  }
  return {
    issuer: claims.data.iss,
    subject: claims.data.sub,
    email: emailOf(claims.data.email),
    // OpenID Connect Core 1.0, section 5.1: a boolean; anything else is not a verification.
    emailVerified: claims.data.email_verified === true,
    name: nameOf(claims.data.name),
  };
}
