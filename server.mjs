#!/usr/bin/env node
// The production HTTP server: Next.js's own request handler behind a plain Node http server,
// for one reason: the caller's socket address. `next start` only passes it on in
// X-Forwarded-For when the client sent no such header, so a client could write any address
// and escape per-address rate limits. Here every request gets the socket's address in a
// header only this server writes (whatever a client sent under that name is dropped), and
// src/server/lib/request.ts clientIp reads it (see TRUSTED_PROXY_HOPS for proxies in front).
//
//   node server.mjs            (npm start; PORT, default 3000; LISTEN_HOST, default 0.0.0.0)
// Node built-ins and Next only.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SOCKET_ADDRESS_HEADER = "x-emploi-socket-address";

process.env.NODE_ENV ??= "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const dir = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 3000);
// not HOSTNAME: Docker sets that one to the container's name
const hostname = process.env.LISTEN_HOST ?? "0.0.0.0";

const { default: next } = await import("next");
const app = next({ dev: false, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Drop every copy the client may have sent (both views of the headers), then write ours.
  for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) {
    if (req.rawHeaders[i].toLowerCase() === SOCKET_ADDRESS_HEADER) req.rawHeaders.splice(i, 2);
  }
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
  handle(req, res).catch((err) => {
    console.error("[server]", err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Same keep-alive as `next start` behind a load balancer that reuses connections.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`Emploi 41 prêt sur http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // open keep-alive connections must not hold the exit
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
