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
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // No framing (clickjacking), no MIME sniffing, no full URLs leaked to other sites.
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
      {
        // Feed and setup URLs carry secrets: they must never travel in a Referer header.
        source: '/api/ics/:path*',
        headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }],
      },
      {
        source: '/guest/:path*',
        headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }],
      },
    ];
  },
};

export default nextConfig;
