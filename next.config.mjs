/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and its PostGIS build are 36 MB of wasm: keep them out of the client bundles.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-postgis", "pg", "pdfkit"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
