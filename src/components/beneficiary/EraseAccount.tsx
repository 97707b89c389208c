"use client";

import { useState, type FormEvent } from "react";
import { signOutAfterErasure } from "@/app/(beneficiary)/beneficiaire/mes-donnees/actions";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, summaryItems } from "@/components/ui/ErrorSummary";
import { PasswordField } from "@/components/ui/PasswordField";
import { errorMessageOf, fieldErrorsOf, useTRPCClient } from "@/lib/trpc/client";
import { IconTrash } from "@/components/ui/icons";
import { isNetworkError } from "@/components/ui/formErrors";

/** Erasing the account: the password again (a borrowed phone cannot erase someone), then sign-out. */
export function EraseAccount() {
  const client = useTRPCClient();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFieldErrors({});
    try {
      await client.privacy.eraseMine.mutate({ password });
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setFieldErrors(
        Object.keys(fields).length ? fields : { _: [isNetworkError(e) ? "Pas de connexion : réessayez." : errorMessageOf(e)] },
      );
      setAttempt((n) => n + 1);
      setBusy(false);
      return;
    }
    // Erased: the session ends and the home page says so.
    await signOutAfterErasure();
  }

  if (!open) {
    return (
      <Button variant="danger" block icon={<IconTrash />} onClick={() => setOpen(true)}>
        Supprimer mon compte
      </Button>
    );
  }
  return (
    <form className="confirm-box" onSubmit={onSubmit} noValidate aria-labelledby="erase-title">
      <h3 id="erase-title" className="subform__title">
        Supprimer mon compte pour toujours ?
      </h3>
      <ErrorSummary errors={summaryItems(fieldErrors, { password: "erase-password" })} focusKey={attempt} />
      <p>Pour être sûr que c'est bien vous, écrivez votre mot de passe.</p>
      <PasswordField
        id="erase-password"
        label="Mot de passe"
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldErrors.password}
      />
      <div className="actions">
        <Button type="submit" variant="danger" icon={<IconTrash />} busy={busy} busyLabel="Suppression…">
          Oui, supprimer mon compte
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Non, garder mon compte
        </Button>
      </div>
    </form>
  );
}
