import { desc, eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installDatabase, openDatabase, type DatabaseHandle } from '@/db';
import { auditEvents, policy, users } from '@/db/schema';
import {
  freePort,
  startAppServer,
  testPostgresUrl,
  type AppServer,
} from '@/test/helpers/app-server';
import { setupBrowser, signIn, signInAs } from '@/test/helpers/browser';
import {
  startIdentityProvider,
  TEST_IDP_PASSWORD,
  type IdpAccount,
  type TestIdentityProvider,
} from '@/test/helpers/oidc-provider';
import { createScratchDatabase, type ScratchDatabase } from '@/test/helpers/scratch-database';

// Signing in through a real OpenID provider (oidc-provider, behind a proxy that can alter its
// ID tokens) on a production server configured for it, in Chromium.

const browser = setupBrowser();
const PROVIDER_NAME = 'Example Login';
let idp: TestIdentityProvider;
let app: AppServer;
let handle: DatabaseHandle;
let database: ScratchDatabase | undefined;
let addressCounter = 0;

beforeAll(async () => {
  database = await createScratchDatabase(testPostgresUrl(), 'teamcal_oidc');
  const port = await freePort();
  idp = await startIdentityProvider(`http://127.0.0.1:${port}/api/auth/callback/oidc`);
  app = await startAppServer(
    'oidc',
    {
      DATABASE_URL: database.url,
      TEAMCAL_SEED_DEMO: 'true',
      TRUST_PROXY_HOPS: '1',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_NAME: PROVIDER_NAME,
    },
    { port },
  );
  handle = openDatabase({ url: database.url });
  installDatabase(handle);
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await idp?.close();
  installDatabase(undefined);
  await handle?.close();
  await database?.drop();
});

const newPage = () =>
  browser.newPage({ baseUrl: app.baseUrl, clientAddress: `198.51.100.${++addressCounter}` });

/** From TeamCal's sign-in page through the provider's login page. */
async function signInThroughProvider(page: Page, account: IdpAccount, from = '/sign-in') {
  await page.goto(from);
  await page.getByRole('button', { name: `Sign in with ${PROVIDER_NAME}` }).click();
  await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
  await page.getByLabel('Email or username').fill(account.login);
  await page.getByLabel('Password').fill(TEST_IDP_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** The message a refused sign-in lands on. */
async function refusal(page: Page): Promise<string> {
  await page.waitForURL(/\/sign-in\?error=/);
  const alert = page.locator('form').getByRole('alert');
  await alert.waitFor();
  return alert.innerText();
}

async function userByEmail(email: string) {
  const [row] = await handle.db.select().from(users).where(eq(users.email, email));
  return row;
}

async function lastSignInEvent(action: 'auth.signed_in' | 'auth.sign_in_failed') {
  const [event] = await handle.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return event;
}

async function setPolicy(values: Partial<typeof policy.$inferInsert>) {
  await handle.db.update(policy).set(values).where(eq(policy.id, 1));
}

describe('signing in with the organisation’s OpenID provider', () => {
  it('a person with a TeamCal account signs in through the provider and lands where they were going', async () => {
    const account = idp.addAccount({
      email: 'Jules@Example.com',
      email_verified: true,
      name: 'Jules at the provider',
    });
    const page = await newPage();
    await page.goto('/teams/engineering');
    await page.waitForURL(/\/sign-in\?callbackUrl=%2Fteams%2Fengineering$/);
    await signInThroughProvider(page, account, page.url());
    await page.waitForURL(/\/teams\/engineering$/);
    await page.getByRole('heading', { name: 'Engineering' }).waitFor();

    const jules = await userByEmail('jules@example.com');
    expect(jules).toMatchObject({ oidcIssuer: idp.issuer, oidcSubject: account.sub });
    expect(await lastSignInEvent('auth.signed_in')).toMatchObject({
      actorId: jules!.id,
      details: { method: 'oidc' },
    });
    // The session is a server-side one, like a password sign-in's: signing out ends it.
    await page.locator('summary', { hasText: 'Account menu' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto('/teams');
    await page.waitForURL(/\/sign-in/);
  });

  it('someone unknown is refused while provisioning is off, and becomes a member once an admin turns it on', async () => {
    const account = idp.addAccount({
      email: 'newcomer@example.org',
      email_verified: true,
      name: 'Nina Newcomer',
    });
    const page = await newPage();
    await signInThroughProvider(page, account);
    expect(await refusal(page)).toBe(
      `You signed in with ${PROVIDER_NAME}, but you have no TeamCal account yet. Ask an admin to add you.`,
    );
    expect(await userByEmail('newcomer@example.org')).toBeUndefined();

    const admin = await newPage();
    await signInAs(admin, 'admin@example.com');
    await admin.goto('/admin/policy');
    await admin
      .getByText(`OpenID Connect is configured: people can sign in with ${PROVIDER_NAME}.`)
      .waitFor();
    await admin
      .getByLabel(`Create accounts for new people who sign in through ${PROVIDER_NAME}`)
      .check();
    await admin.getByRole('button', { name: 'Save policy' }).click();
    await admin
      .getByRole('status')
      .getByText(/Policy saved/)
      .waitFor();

    // A new browser: the first one is still signed in at the provider, which sends it straight back.
    const again = await newPage();
    await signInThroughProvider(again, account);
    await again.waitForURL(/\/teams$/);
    await again.getByRole('heading', { name: 'My teams' }).waitFor();
    expect(await userByEmail('newcomer@example.org')).toMatchObject({
      name: 'Nina Newcomer',
      role: 'member',
      passwordHash: null,
      oidcSubject: account.sub,
    });
    await setPolicy({ oidcProvisioningAllowed: false });
  });

  it('a disabled person is refused', async () => {
    await handle.db
      .update(users)
      .set({ disabledAt: sql`now()` })
      .where(eq(users.email, 'lea@example.com'));
    const account = idp.addAccount({ email: 'lea@example.com', email_verified: true });
    const page = await newPage();
    await signInThroughProvider(page, account);
    expect(await refusal(page)).toBe(
      'Your TeamCal account is disabled. Ask an admin if this is a mistake.',
    );
    expect(await lastSignInEvent('auth.sign_in_failed')).toMatchObject({
      details: { method: 'oidc', reason: 'disabled' },
    });
  });

  it('an email the provider has not verified matches no account', async () => {
    const account = idp.addAccount({ email: 'hugo@example.com', email_verified: false });
    const page = await newPage();
    await signInThroughProvider(page, account);
    expect(await refusal(page)).toMatch(/^Your email address is not confirmed at Example Login/);
    expect(await userByEmail('hugo@example.com')).toMatchObject({ oidcSubject: null });
  });

  it('a redirect back whose state was altered is refused', async () => {
    const account = idp.addAccount({ email: 'noah@example.com', email_verified: true });
    idp.alterReturnedState(true);
    try {
      const page = await newPage();
      await signInThroughProvider(page, account);
      expect(await refusal(page)).toBe('Sign-in did not complete. Please try again.');
    } finally {
      idp.alterReturnedState(false);
    }
    expect(await userByEmail('noah@example.com')).toMatchObject({ oidcSubject: null });
  });

  it('an ID token altered on its way from the provider is refused', async () => {
    // Someone with an account at the provider, and a proxy that rewrites their ID token to claim
    // the admin's verified address: without the signature check it would bind the admin.
    const account = idp.addAccount({ email: 'mallory@example.org', email_verified: true });
    idp.tamperIdTokens({ email: 'admin@example.com', email_verified: true, sub: 'mallory' });
    try {
      const page = await newPage();
      await signInThroughProvider(page, account);
      expect(await refusal(page)).toBe(
        `TeamCal could not verify the answer from ${PROVIDER_NAME}, so you were not signed in. Please try again.`,
      );
    } finally {
      idp.tamperIdTokens(null);
    }
    expect(await userByEmail('admin@example.com')).toMatchObject({ oidcSubject: null });
    expect(await lastSignInEvent('auth.sign_in_failed')).toMatchObject({
      actorId: null,
      details: { method: 'oidc', reason: 'invalid_id_token' },
    });
  });

  it('with password sign-in kept for admins, a member’s password is refused with a pointer to the button', async () => {
    const admin = await newPage();
    await signInAs(admin, 'admin@example.com');
    await admin.goto('/admin/policy');
    await admin.getByLabel('Allow password sign-in for everyone (off: admins only)').uncheck();
    await admin.getByRole('button', { name: 'Save policy' }).click();
    await admin
      .getByRole('status')
      .getByText(/Policy saved/)
      .waitFor();
    try {
      const page = await newPage();
      await signIn(page, 'camille@example.com');
      const alert = page.locator('form').getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toBe(
        `Password sign-in is for admins only. Use “Sign in with ${PROVIDER_NAME}” instead.`,
      );
      // Nothing more for a wrong password than usual.
      await signIn(page, 'camille@example.com', 'not the password');
      await page.locator('form').getByRole('alert').getByText('Wrong email or password.').waitFor();

      const again = await newPage();
      await signInAs(again, 'admin@example.com');
    } finally {
      await setPolicy({ passwordSignInAllowed: true });
    }
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'policy.updated'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({
      details: { changed: ['passwordSignInAllowed'] },
    });
  });

  it('no secret or stack trace reaches the server log', () => {
    const log = app.log();
    expect(log).not.toContain(idp.clientSecret);
    expect(log).not.toContain(TEST_IDP_PASSWORD);
    expect(log).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
