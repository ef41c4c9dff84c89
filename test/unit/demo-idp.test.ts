import { describe, expect, it } from 'vitest';
import { isDemoIdpWanted } from '@/lib/server/demo-idp.mjs';

describe('the demo identity provider', () => {
  it('runs on the embedded database when no provider is configured, unless turned off', () => {
    expect(isDemoIdpWanted({})).toBe(true);
    expect(isDemoIdpWanted({ TEAMCAL_DEMO_IDP: 'off' })).toBe(false);
    expect(isDemoIdpWanted({ DATABASE_URL: 'postgres://db/teamcal' })).toBe(false);
    expect(isDemoIdpWanted({ OIDC_ISSUER: 'https://login.example.org' })).toBe(false);
    // Half a configuration is not replaced by the demo: the server refuses to start instead.
    expect(isDemoIdpWanted({ OIDC_CLIENT_ID: 'teamcal' })).toBe(false);
  });
});
