import { TRPCClientError } from "@trpc/client";
import type { ErrorItem } from "./ErrorSummary";

// What a form does with a failed server call: field messages by key, the summary's items, and
// whether the request got an answer at all. Shared by every form (the CV wizard's steps, the
// professionals' forms, useMutationForm).

export type FieldErrorMap = Record<string, string[]>;

/** True when the request never got an answer from the server (no network, server unreachable). */
export function isNetworkError(error: unknown): boolean {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return true;
  if (error instanceof TRPCClientError) return !error.data;
  return true;
}

/** Messages for a field, including those the server gave for its parts ("distance.value"). */
export function messagesFor(errors: FieldErrorMap, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const [k, messages] of Object.entries(errors)) {
    if (keys.some((key) => k === key || k.startsWith(`${key}.`))) out.push(...messages);
  }
  return out;
}

/** Summary items in the order of the form's fields, each leading to its field; others last. */
export function stepSummary(errors: FieldErrorMap, fieldIds: Array<[key: string, id: string]>): ErrorItem[] {
  const items: ErrorItem[] = [];
  const used = new Set<string>();
  for (const [key, id] of fieldIds) {
    for (const [k, messages] of Object.entries(errors)) {
      if (used.has(k) || !(k === key || k.startsWith(`${key}.`))) continue;
      used.add(k);
      if (messages[0]) items.push({ message: messages[0], fieldId: id });
    }
  }
  for (const [k, messages] of Object.entries(errors)) {
    if (!used.has(k)) for (const message of messages) items.push({ message });
  }
  return items;
}
