import type { NextConfig } from "next";

const securityHeaders = [
  // No page of Baton may be framed: an approve button inside another site's frame is a clickjacking target.
  // Pages get the full policy, with a per-request script nonce, from proxy.ts, which replaces this one.
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
  // Set-up and invitation links carry a secret in the path: no Referer leaves the site. ("no-referrer"
  // would also make browsers send `Origin: null` on form posts, which the same-origin check refuses.)
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() answers a page a role may not open with status 403 and app/(app)/forbidden.tsx.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm", "pg-boss", "undici", "@cedar-policy/cedar-wasm"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
