"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { errorMessageOf } from "@/lib/trpc/client";
import { isNetworkError } from "./wizard/WizardForm";

type ConfirmActionProps = {
  /** the button that opens the question */
  label: string;
  icon?: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  /** the question and what happens, in plain words */
  question: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** the server call; the page is refreshed after it */
  run: () => Promise<unknown>;
  doneMessage: string;
};

/**
 * An action that asks first, inline (no pop-up on a small phone): "Retirer ma candidature" →
 * "Oui, retirer" / "Non". After it the page is refreshed from the server.
 */
export function ConfirmAction({ label, icon, variant = "secondary", question, confirmLabel, cancelLabel = "Non, garder", run, doneMessage }: ConfirmActionProps) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await run();
      setDone(true);
      setAsking(false);
      startTransition(() => router.refresh());
    } catch (e) {
      setError(isNetworkError(e) ? "Pas de connexion : réessayez." : errorMessageOf(e));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <p className="with-icon" role="status">
        <strong>{doneMessage}</strong>
      </p>
    );
  }
  return (
    <div>
      {asking ? (
        <div className="confirm-box" role="group" aria-label={label}>
          <div>{question}</div>
          {error ? <p className="inline-error" role="status">{error}</p> : null}
          <div className="actions" style={{ marginTop: "var(--space-3)" }}>
            <Button variant={variant === "danger" ? "danger" : "primary"} onClick={confirm} busy={busy || refreshing} busyLabel="Un instant…" autoFocus>
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
