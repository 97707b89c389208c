import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/**
 * The field-by-field messages of a call that must fail with BAD_REQUEST: domain FieldErrors
 * or zod issues, keyed by field path. Fails the test when the call succeeds.
 */
export async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(TRPCError);
    const e = err as TRPCError;
    expect(e.code).toBe("BAD_REQUEST");
    const cause = e.cause as { fields?: Record<string, string[]>; issues?: Array<{ path: PropertyKey[]; message: string }> };
    if (cause?.fields) return cause.fields;
    const out: Record<string, string[]> = {};
    for (const i of cause?.issues ?? []) (out[i.path.map(String).join(".")] ??= []).push(i.message);
    return out;
  }
  throw new Error("the call was expected to fail");
}
