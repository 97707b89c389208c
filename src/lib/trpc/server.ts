import "server-only";
import { requestContext } from "@/server/auth/session";
import { createCaller } from "@/server/trpc/root";

/** Calls procedures from server components with the visitor's own rights. */
export async function serverCaller() {
  return createCaller(await requestContext());
}
