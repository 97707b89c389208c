import "server-only";
import { TRPCError } from "@trpc/server";
import type { serverCaller } from "@/lib/trpc/server";
import type { RouterOutputs } from "@/lib/trpc/types";

type OfferDetail = RouterOutputs["offers"]["get"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One of the company's offers, or null (unknown, another company's, or a malformed id): the page answers 404. */
export async function loadEmployerOffer(
  caller: Awaited<ReturnType<typeof serverCaller>>,
  offerId: string,
): Promise<OfferDetail | null> {
  if (!UUID.test(offerId)) return null;
  try {
    return await caller.offers.get({ offerId });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) return null;
    throw err;
  }
}
