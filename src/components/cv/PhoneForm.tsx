"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, summaryItems } from "@/components/ui/ErrorSummary";
import { Notice } from "@/components/ui/Notice";
import { TextField } from "@/components/ui/TextField";
import { isNetworkError } from "@/components/ui/formErrors";
import { errorMessageOf, fieldErrorsOf, useTRPCClient } from "@/lib/trpc/client";
import { formatPhoneForPeople } from "@/lib/phone";

/**
 * The profile's phone number: typed any way ("06 12 34 56 78", "+33 6…"), checked by the server
 * (stored in E.164), shown the French way. `profileId` when an adviser fills it in with the person.
 */
export function PhoneForm({ phone, profileId, voice = "self" }: { phone: string | null; profileId?: string; voice?: "self" | "adviser" }) {
  const client = useTRPCClient();
  const router = useRouter();
  const [value, setValue] = useState(phone ? formatPhoneForPeople(phone) : "");
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved(false);
    setErrors({});
    try {
      const v = await client.profile.savePhone.mutate({ phone: value.trim() || null, ...(profileId ? { profileId } : {}) });
      setValue(v.profile?.phone ? formatPhoneForPeople(v.profile.phone) : "");
      setSaved(true);
      router.refresh();
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(Object.keys(fields).length ? fields : { _: [isNetworkError(e) ? "Pas de connexion : réessayez." : errorMessageOf(e)] });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-label="Numéro de téléphone">
      <ErrorSummary errors={summaryItems(errors, { phone: "profile-phone" })} focusKey={attempt} />
      <TextField
        id="profile-phone"
        name="phone"
        label={voice === "self" ? "Votre numéro de téléphone" : "Son numéro de téléphone"}
        hint={voice === "self" ? "Pour recevoir un SMS quand une entreprise veut vous rencontrer. Exemple : 06 12 34 56 78." : "Exemple : 06 12 34 56 78."}
        optional
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={value}
        error={errors.phone}
        onChange={(event) => {
          setValue(event.target.value);
          setSaved(false);
        }}
      />
      <Button type="submit" busy={busy} busyLabel="Enregistrement…">
        Enregistrer le numéro
      </Button>
      {saved ? <Notice tone="success" title={value ? "Numéro enregistré" : "Numéro retiré"} /> : null}
    </form>
  );
}
