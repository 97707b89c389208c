// Errors that name the fields a person must fix, shared by domain code and the API layer
// (kept out of the tRPC init file, which every router imports).
import type { ZodError } from "zod";

/** Thrown by domain code when some fields are wrong (e.g. "email already used"). */
export class FieldErrors extends Error {
  constructor(public readonly fields: Record<string, string[]>) {
    super(Object.values(fields).flat().join(" "));
  }
}

export function zodFieldErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
