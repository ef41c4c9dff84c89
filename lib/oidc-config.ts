import { z } from 'zod';

// Sign-in with the organisation's OpenID Connect provider, configured by the environment:
// OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and, for the button, OIDC_NAME.

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the button and messages call the provider: "Sign in with <name>". */
  name: string;
}

export const DEFAULT_OIDC_NAME = 'your organisation’s account';

const VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

const environmentSchema = z.object({
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: 'OIDC_ISSUER must be the provider’s http(s) address.' })
    .max(500),
  OIDC_CLIENT_ID: z.string().min(1).max(500),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000),
  OIDC_NAME: z.string().trim().min(1).max(60).optional().catch(undefined),
});

/**
 * The provider TeamCal signs people in with, or null when none is configured. A half-made
 * configuration throws, naming the variables (never their values), so the server refuses to start
 * rather than showing a button that cannot work.
 */
export function oidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const given = VARIABLES.filter((name) => env[name]?.trim());
  if (given.length === 0) return null;
  const parsed = environmentSchema.safeParse({
    OIDC_ISSUER: env.OIDC_ISSUER?.trim(),
    OIDC_CLIENT_ID: env.OIDC_CLIENT_ID?.trim(),
    OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET,
    OIDC_NAME: env.OIDC_NAME || undefined,
  });
  if (!parsed.success) {
    const wrong = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
    throw new Error(
      `OpenID Connect sign-in is half configured: set ${wrong.join(', ')} (or unset ${given.join(', ')}).`,
    );
  }
  return {
    issuer: parsed.data.OIDC_ISSUER,
    clientId: parsed.data.OIDC_CLIENT_ID,
    clientSecret: parsed.data.OIDC_CLIENT_SECRET,
    name: parsed.data.OIDC_NAME ?? DEFAULT_OIDC_NAME,
  };
}
