import createNextIntlPlugin from 'next-intl/plugin';

// Messages are chosen per request (lib/i18n/request.ts), from the profile or Accept-Language.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests and benchmarks build into their own folder so they never overwrite a running server's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships WebAssembly and data files that the bundler must not touch; argon2 is a native addon.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  poweredByHeader: false,
  // Compression is the reverse proxy's job: gzipping a 20 MB feed here would cost the server's one
  // thread a second per fetch (see the README's benchmark).
  compress: false,
  reactStrictMode: true,
  // Security headers (CSP with a per-request nonce, framing, referrer, HSTS) are set by the
  // front door (lib/server/front-door.mjs) on every response, errors included.
};

export default withNextIntl(nextConfig);
