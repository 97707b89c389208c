import "server-only";
import { requestContext } from "@/server/api/session";
import { createCaller } from "@/server/api/root";

/** Calls procedures from server components with the visitor's own rights. */
export async function serverCaller() {
  return createCaller(await requestContext());
}
