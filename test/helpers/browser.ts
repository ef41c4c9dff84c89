import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Debian's Chromium, driven by playwright-core; flags keep it off the (closed) network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DEMO_PASSWORD = 'teamcal-demo';

/**
 * The browser's environment: the tests' own, without a preloaded fake clock. Under `faketime`
 * (README, "Any date") the servers and tests run at the chosen date, but Chromium does not
 * start under libfaketime; it keeps the real clock, which only cookie expiry reads.
 */
function browserEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && !/^(LD_PRELOAD|FAKETIME)/.test(name)) env[name] = value;
  return env;
}

/** The browser's language unless a test picks another: dates read as en-GB writes them. */
export const BROWSER_LOCALE = 'en-GB';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * One browser per test file; each test opens its own context (cookies) with `newPage()`. Pages
 * run under the server's Content-Security-Policy: any violation Chromium reports fails the test.
 */
export function setupBrowser() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  const baseUrl = inject('baseUrl');
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      env: browserEnvironment(),
    });
  });
  // A failed test says what its pages showed: the address and the start of the text.
  const pagesOfTest: Page[] = [];
  beforeEach((context) => {
    pagesOfTest.length = 0;
    context.onTestFailed(async () => {
      for (const page of pagesOfTest) {
        const text = await page
          .locator('body')
          .innerText({ timeout: 2_000 })
          .catch(() => '(unreadable)');
        console.log(`Page at ${page.url()}:\n${text.replace(/\s+/g, ' ').slice(0, 600)}`);
      }
    });
  });
  afterEach(() => {
    expect(cspViolations.splice(0), 'Content-Security-Policy violations').toEqual([]);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
  });
  return {
    baseUrl,
    /** A page in a new context, on the shared embedded server unless `baseUrl` names another. */
    async newPage(
      options: {
        clientAddress?: string;
        baseUrl?: string;
        /** The browser's language (Accept-Language and navigator.language); en-GB by default. */
        locale?: string;
        /** 1280 × 800 by default; PHONE for a 390 px wide phone. */
        viewport?: { width: number; height: number };
      } = {},
    ): Promise<Page> {
      const context = await browser!.newContext({
        baseURL: options.baseUrl ?? baseUrl,
        locale: options.locale ?? BROWSER_LOCALE,
        viewport: options.viewport ?? DESKTOP,
        // The test servers trust one proxy hop (as behind a load balancer): this names the client.
        extraHTTPHeaders: options.clientAddress
          ? { 'x-forwarded-for': options.clientAddress }
          : undefined,
      });
      contexts.push(context);
      const page = await context.newPage();
      pagesOfTest.push(page);
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      return page;
    },
  };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in and waits for the landing page, for tests about what comes after. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await page.waitForURL(/\/teams$/);
}
