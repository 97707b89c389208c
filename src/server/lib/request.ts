/**
 * The caller's address, for rate limits and the audit trail. X-Forwarded-For can be written
 * by anyone, so only the entries added by our own proxies count: with TRUSTED_PROXY_HOPS=n
 * (n proxies in front of the app, e.g. 1 behind Caddy) the n-th entry from the right is the
 * address the outermost proxy saw. With 0 (the app faces the network), Next.js sets the
 * header from the socket unless the client sent one, so per-address limits are best effort
 * and per-account limits do the real work.
 */
export function clientIp(headers: Headers, hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const ip = hops > 0 ? entries[Math.max(0, entries.length - hops)] : entries[0];
  return (ip ?? headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}
