import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import type { Database } from "../db/client";
import { createContext } from "../api/context";
import { sessionFor } from "./callers";
import { appRouter } from "../api/root";

// Calls the tRPC endpoint over HTTP the way the browser does: a real Request to /api/trpc
// through tRPC's fetch adapter (the one the route handler uses: superjson, HTTP status codes,
// error shapes), with the session's user given directly instead of an Auth.js cookie.

export type HttpAnswer<T> = { status: number; data?: T; error?: { code: string; message: string } };

export function httpClient(db: Database, userId: string | null, ip = "198.51.100.9") {
  // one signed-in session for the client's requests, as one browser's cookie would be
  const session = sessionFor(db, userId);
  async function send<T>(req: Request): Promise<HttpAnswer<T>> {
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: async () => createContext(db, await session, ip),
    });
    const body = (await res.json()) as {
      result?: { data: unknown };
      error?: { json: { message: string; data: { code: string } } };
    };
    if (body.error) return { status: res.status, error: { code: body.error.json.data.code, message: body.error.json.message } };
    return { status: res.status, data: superjson.deserialize(body.result!.data as never) as T };
  }
  return {
    /** GET /api/trpc/<path>?input=… */
    query<T = unknown>(path: string, input: unknown) {
      const url = `http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
      return send<T>(new Request(url, { method: "GET" }));
    },
    /** POST /api/trpc/<path> */
    mutation<T = unknown>(path: string, input: unknown) {
      return send<T>(
        new Request(`http://localhost/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(superjson.serialize(input)),
        }),
      );
    },
  };
}
