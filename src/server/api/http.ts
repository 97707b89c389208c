// The tRPC endpoint's HTTP side (/api/trpc), apart from the Next.js route so that tests can
// send it real requests: no answer is ever stored by a browser or a proxy, and a batch holds
// at most MAX_BATCH_SIZE calls.
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Database } from "../db/client";
import { SERVICE_UNAVAILABLE_MESSAGE } from "../lib/unavailable";
import type { Context } from "../trpc/context";
import { MAX_BATCH_SIZE } from "../../lib/trpc/limits";
import { appRouter } from "./root";

export const TRPC_ENDPOINT = "/api/trpc";

export { MAX_BATCH_SIZE };

/** Calls a request asks for: the comma-separated procedure names of a batch (`?batch=1`). */
export function batchSize(url: URL): number {
  if (url.searchParams.get("batch") !== "1") return 1;
  const path = url.pathname.replace(/\/+$/, "").slice(TRPC_ENDPOINT.length).replace(/^\/+/, "");
  return path.split(",").length;
}

const NO_STORE = "no-store";

export { SERVICE_UNAVAILABLE_MESSAGE };

/** The database for a request, or a 503 in French when it cannot be opened (see databaseIfAvailable). */
export async function databaseForRequest(open: () => Promise<Database | null>): Promise<Database> {
  const db = await open();
  if (!db) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: SERVICE_UNAVAILABLE_MESSAGE });
  return db;
}

/**
 * Answers one request to the endpoint. Answers carry `Cache-Control: no-store`: a signed-in
 * caller's answers hold personal data, and anonymous ones are cheap. A batch over the limit is
 * refused (413) before any procedure or the database is touched.
 */
export async function handleTrpcRequest(req: Request, createContext: () => Promise<Context>): Promise<Response> {
  const calls = batchSize(new URL(req.url));
  if (calls > MAX_BATCH_SIZE) {
    return Response.json(
      { error: { message: `Trop d'appels dans une seule requête (${calls}) : ${MAX_BATCH_SIZE} au plus.`, code: "PAYLOAD_TOO_LARGE" } },
      { status: 413, headers: { "Cache-Control": NO_STORE } },
    );
  }
  const response = await fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext,
    maxBatchSize: MAX_BATCH_SIZE,
    responseMeta: () => ({ headers: { "Cache-Control": NO_STORE } }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
  response.headers.set("Cache-Control", NO_STORE);
  return response;
}
