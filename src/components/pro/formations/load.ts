import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/**
 * Runs a formations call for a page: a formation that is missing or belongs to another
 * organisation shows the 404 page; an account without an organisation gets null (the page
 * then asks to register it).
 */
export async function loadForPage<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    // (a malformed id in the address is a missing page too)
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    if (error instanceof TRPCError && error.code === "PRECONDITION_FAILED") return null;
    throw error;
  }
}
