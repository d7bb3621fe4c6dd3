import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: ['@pf/api', '@pf/domain', '@pf/db', '@pf/adapters'],
  // Native addons, WASM and worker-thread users must stay real node_modules at run time.
  serverExternalPackages: [
    'argon2',
    '@electric-sql/pglite',
    'pino',
    'pino-pretty',
    'postgres',
    'ioredis',
    'prom-client',
  ],
  // Lets two builds of the same checkout live side by side (e.g. parallel UI work); the default is .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() answers a real 403 page for areas the signed-in role may not use.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      {
        // Stored documents are previewed in an iframe by this app's own pages (a later rule wins per key).
        source: '/api/storage/object/:path*',
        headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }],
      },
    ];
  },
};

export default nextConfig;
