import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Keep the database engines out of the bundle: bundling would copy PGlite's wasm/data
  // into publicly served static media and break the Prisma adapters at runtime.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "@prisma/driver-adapter-utils",
    "pg",
    "ioredis",
    "rate-limiter-flexible",
    "bcryptjs",
  ],
  poweredByHeader: false,
  // Every response, API included; pages also get a per-request CSP (and HSTS over https) from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
  // Lets parallel builds (tests, benchmarks) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
