"use client";

import { useEffect, useRef } from "react";
import { IconWarning } from "./icons";

export type ErrorItem = {
  message: string;
  /** id of the field to go to; absent for a message about the whole form */
  fieldId?: string;
};

type ErrorSummaryProps = {
  errors: ErrorItem[];
  title?: string;
  /** changes on every failed submit, so focus moves here again even with the same messages */
  focusKey?: unknown;
};

/**
 * The list of what went wrong, at the top of the form. It takes the focus when it appears so
 * that screen readers read it and keyboard users start from it; each item leads to its field.
 */
export function ErrorSummary({ errors, title = "Il y a un problème", focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = errors.length > 0;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, focusKey]);

  if (!visible) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title" className="error-summary__title">
        <IconWarning />
        <span>{title}</span>
      </h2>
      <ul>
        {errors.map((e, i) =>
          e.fieldId ? (
            <li key={i}>
              <a
                href={`#${e.fieldId}`}
                onClick={(event) => {
                  // Focus the field itself (a fragment link only scrolls) and show its label.
                  const target = document.getElementById(e.fieldId!);
                  if (!target) return;
                  event.preventDefault();
                  const focusable =
                    target instanceof HTMLFieldSetElement ? target.querySelector<HTMLElement>("input") : target;
                  (target.closest(".field") ?? target).scrollIntoView({ block: "start" });
                  focusable?.focus({ preventScroll: true });
                }}
              >
                {e.message}
              </a>
            </li>
          ) : (
            <li key={i}>{e.message}</li>
          ),
        )}
      </ul>
    </div>
  );
}

/**
 * Turns server field errors ({ email: ["…"] }) into summary items, in the order of the form's
 * fields, one message per field (the one shown beside it); messages for unknown keys come
 * last, without a link.
 */
export function summaryItems(fieldErrors: Record<string, string[]>, fieldIds: Record<string, string>): ErrorItem[] {
  const items: ErrorItem[] = [];
  for (const [key, id] of Object.entries(fieldIds)) {
    const message = fieldErrors[key]?.[0];
    if (message) items.push({ message, fieldId: id });
  }
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (key in fieldIds) continue;
    for (const message of messages) items.push({ message });
  }
  return items;
}
