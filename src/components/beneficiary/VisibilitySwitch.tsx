"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { errorMessageOf, useTRPCClient } from "@/lib/trpc/client";
import { isNetworkError } from "@/components/ui/formErrors";

/** "Cacher mon profil aux entreprises": a switch that saves at once. */
export function VisibilitySwitch({ visible: initialVisible }: { visible: boolean }) {
  const client = useTRPCClient();
  const router = useRouter();
  const [visible, setVisible] = useState(initialVisible);
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const hidden = !visible;

  async function toggle() {
    if (busy) return;
    const nextVisible = !visible;
    setBusy(true);
    setMessage(null);
    try {
      await client.profile.saveVisibility.mutate({ visible: nextVisible });
      setVisible(nextVisible);
      setMessage({
        tone: "ok",
        text: nextVisible ? "C'est fait : les entreprises peuvent de nouveau vous trouver." : "C'est fait : les entreprises ne voient plus votre profil.",
      });
      startTransition(() => router.refresh());
    } catch (e) {
      setMessage({ tone: "error", text: isNetworkError(e) ? "Pas de connexion : réessayez." : errorMessageOf(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="field">
      <div className="switch-row">
        <span className="switch-label" id="hide-profile-label">
          Cacher mon profil aux entreprises
        </span>
        <button
          type="button"
          role="switch"
          className="switch"
          aria-checked={hidden}
          aria-labelledby="hide-profile-label"
          aria-describedby="hide-profile-state"
          aria-disabled={busy || undefined}
          onClick={toggle}
        />
      </div>
      <p id="hide-profile-state" className="field__hint" style={{ marginTop: "var(--space-2)" }}>
        {hidden ? "Caché : les entreprises ne peuvent pas vous trouver. Vous pouvez quand même postuler." : "Visible : les entreprises près de chez vous peuvent vous trouver (sans votre nom)."}
      </p>
      <p role="status" className={message?.tone === "error" ? "inline-error" : "cv-progress__done"}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
