/** Written by server.mjs from the socket on every request; a client's copy is dropped there. */
export const SOCKET_ADDRESS_HEADER = "x-emploi-socket-address";

let warnedNoSocket = false;

/**
 * The caller's address, for rate limits and the audit trail. The only address nobody can
 * forge is the socket's, which server.mjs (npm start, the Docker image, the demo and the e2e
 * server) hands over in SOCKET_ADDRESS_HEADER.
 * - TRUSTED_PROXY_HOPS=0 (the app faces the network): the socket's address; X-Forwarded-For
 *   is ignored, whatever the client wrote.
 * - TRUSTED_PROXY_HOPS=n (n reverse proxies in front, e.g. 1 behind the compose Caddy): the
 *   chain is X-Forwarded-For's entries followed by the socket's address (the innermost proxy);
 *   each trusted proxy appended the address it saw, so the caller is the entry n places
 *   before the socket's. Entries further left are the client's own writing.
 * Without server.mjs's header (`next dev`) in development, X-Forwarded-For as Next sets it;
 * in production the address is "unknown" (limits get stricter, never bypassable).
 */
export function clientIp(headers: Headers, hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): string {
  const socket = headers.get(SOCKET_ADDRESS_HEADER)?.trim() || null;
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (!socket) {
    if (process.env.NODE_ENV === "production") {
      if (!warnedNoSocket) {
        warnedNoSocket = true;
        console.warn(`[request] pas d'en-tête ${SOCKET_ADDRESS_HEADER} : lancez l'application avec « node server.mjs » (npm start)`);
      }
      return "unknown";
    }
    // development (`next dev`): Next wrote the socket's address unless the client sent one
    const ip = hops > 0 ? forwarded[Math.max(0, forwarded.length - hops)] : forwarded[forwarded.length - 1];
    return (ip ?? "unknown").slice(0, 64);
  }
  if (hops <= 0) return normalizeAddress(socket);
  const chain = [...forwarded, socket];
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - hops)]!);
}

/** "::ffff:203.0.113.9" (IPv4 on a dual-stack socket) → "203.0.113.9"; at most 64 characters. */
function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64);
}
