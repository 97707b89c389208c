/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm run bench:load` builds into its own folder, leaving a running Playwright server's .next alone.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite and its PostGIS build are 36 MB of wasm: keep them out of the client bundles.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-postgis", "pg", "pdfkit", "fontkit", "pg-boss", "web-push", "nodemailer"],
  // The demo's and the end-to-end server's builds skip the type check: `npm test` runs `tsc`
  // on its own first, and the check is a third of a cold build.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    // Everything else gets its security headers from src/proxy.ts, which skips the build's
    // static files (scripts, styles, fonts): those only need nosniff.
    return [
      { source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
      { source: "/_next/image", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
    ];
  },
};

export default nextConfig;
