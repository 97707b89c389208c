"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { errorMessageOf } from "@/lib/trpc/client";
import { isNetworkError } from "@/components/ui/formErrors";

/**
 * A server call made once at a time, then the page refreshed from the server. `busy` lasts
 * until the refreshed page is there, so the button cannot be pressed twice meanwhile.
 */
export function useRunThenRefresh(run: () => Promise<unknown>, messageOf: (error: unknown) => string = errorMessageOf) {
  const router = useRouter();
  const [running, setRunning] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function start() {
    if (running) return;
    setRunning(true);
    setError(null);
    try {
      await run();
      setDone(true);
      startTransition(() => router.refresh());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  }

  return { start, busy: running || refreshing, error, done };
}

const withOfflineMessage = (e: unknown) => (isNetworkError(e) ? "Pas de connexion : réessayez." : errorMessageOf(e));

type ConfirmActionProps = {
  /** the button that opens the question */
  label: string;
  icon?: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  /** the question and what happens, in plain words */
  question: ReactNode;
  confirmLabel: string;
  confirmIcon?: ReactNode;
  busyLabel?: string;
  cancelLabel?: string;
  /** accessible name of the question box (default: label) */
  groupLabel?: string;
  /** class of the question box (default: the warning box "confirm-box") */
  boxClassName?: string;
  /** the server call; the page is refreshed after it */
  run: () => Promise<unknown>;
  /** what to say when it fails (default: "Pas de connexion" when offline, else the server's message) */
  errorMessage?: (error: unknown) => string;
  doneMessage: ReactNode;
  doneIcon?: ReactNode;
  /** moves the focus to the done message (the confirm button it replaces had it) */
  focusDone?: boolean;
};

/**
 * An action that asks first, inline (no pop-up on a small phone): "Retirer ma candidature" →
 * "Oui, retirer" / "Non". After it the page is refreshed from the server.
 */
export function ConfirmAction({
  label,
  icon,
  variant = "secondary",
  question,
  confirmLabel,
  confirmIcon,
  busyLabel = "Un instant…",
  cancelLabel = "Non, garder",
  groupLabel,
  boxClassName = "confirm-box",
  run,
  errorMessage = withOfflineMessage,
  doneMessage,
  doneIcon,
  focusDone = false,
}: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const { start, busy, error, done } = useRunThenRefresh(run, errorMessage);
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (done && focusDone) doneRef.current?.focus();
  }, [done, focusDone]);

  if (done) {
    return (
      <p className="with-icon" role="status" tabIndex={focusDone ? -1 : undefined} ref={doneRef}>
        {doneIcon}
        <strong>{doneMessage}</strong>
      </p>
    );
  }
  return (
    <div>
      {asking ? (
        <div className={boxClassName} role="group" aria-label={groupLabel ?? label}>
          <div>{question}</div>
          {error ? <p className="inline-error" role="status">{error}</p> : null}
          <div className="actions" style={{ marginTop: "var(--space-3)" }}>
            <Button
              variant={variant === "danger" ? "danger" : "primary"}
              icon={confirmIcon}
              onClick={start}
              busy={busy}
              busyLabel={busyLabel}
              autoFocus
            >
              {confirmLabel}
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              {cancelLabel}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant={variant} icon={icon} onClick={() => setAsking(true)}>
          {label}
        </Button>
      )}
    </div>
  );
}
