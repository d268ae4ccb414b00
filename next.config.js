// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `forbidden()` and app/forbidden.tsx: admin pages answer 403 to other roles.
  experimental: { authInterrupts: true },
  // Prisma's generated client and the pg driver (with its cursor stream) are server-only Node modules.
  // pino and prom-client keep process-wide state (the log stream, the metrics registry): loaded once by Node, not bundled per route.
  serverExternalPackages: ['pg', 'pg-cursor', 'pg-query-stream', '@prisma/adapter-pg', '@node-rs/argon2', 'pino', 'prom-client'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
