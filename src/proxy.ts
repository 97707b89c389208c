import { NextResponse, type NextRequest } from "next/server";
import { loadInstanceConfig } from "@/server/config/config";
import { commonSecurityHeaders, contentSecurityPolicy, newNonce, requestIsHttps } from "@/server/lib/security-headers";

/**
 * Security headers on every response (see src/server/lib/security-headers.ts). Pages get a
 * Content-Security-Policy with a fresh nonce: set on the request too, which is where Next.js
 * reads it to put the nonce on its own scripts (every page renders per request, see the root
 * layout). API routes (JSON, CSV, PDF, Auth.js) get the other headers only.
 */
export function proxy(request: NextRequest) {
  const https = requestIsHttps(request.headers);
  const headers = commonSecurityHeaders({ https });

  if (request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }

  const csp = contentSecurityPolicy({
    nonce: newNonce(),
    production: process.env.NODE_ENV === "production",
    https,
    mapStyleUrl: loadInstanceConfig().map.styleUrl,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Hashed build files and optimised images: immutable, served with their exact type
  // (next.config.mjs adds nosniff to them); everything else goes through the proxy.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
